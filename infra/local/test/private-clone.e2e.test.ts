import { execFileSync, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, tokenFor } from '@sc/testing';
import { ctrlC, groupAlive, npmStartEnv, startNpm, stopLeftovers, lastNameOf, registerPerson } from './npm-start';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * A newcomer clones as root into a folder only root may enter (mode 0700, as
 * under /root) and runs `npm start`. PostgreSQL refuses root and runs as an
 * unprivileged user, who cannot reach anything inside that folder: the
 * launcher must place the binaries and the data where that user can.
 *
 * The clone is the working tree's files plus node_modules as hard links (the
 * same files, reachable only through the private folder), so no install is
 * needed. As a non-root user the same steps run the server as oneself.
 */
describe('npm start from a clone in a private (0700) folder', () => {
  // Beside the repository, so hard links stay on one file system.
  mkdirSync(join(ROOT, '.data'), { recursive: true });
  const privateDir = mkdtempSync(join(ROOT, '.data', 'private-'));
  const clone = join(privateDir, 'clone');
  const runtimeDir = mkdtempSync(join(tmpdir(), 'sc-pg-runtime-'));
  const isRoot = process.getuid?.() === 0;

  beforeAll(() => {
    chmodSync(privateDir, 0o700);
    chmodSync(runtimeDir, 0o755);
    mkdirSync(clone);
    const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT })
      .toString()
      .split('\0')
      .filter((f) => f && !f.startsWith('.data/'));
    const tar = spawnSync('sh', ['-c', `tar -C "${ROOT}" --null -T - -cf - | tar -C "${clone}" -xf -`], {
      input: files.join('\0'),
    });
    expect(tar.status).toBe(0);
    const modules = execFileSync(
      'find',
      ['.', '-maxdepth', '3', '-name', 'node_modules', '-type', 'd', '-not', '-path', './node_modules/*'],
      {
        cwd: ROOT,
      },
    )
      .toString()
      .split('\n')
      .filter(Boolean);
    for (const m of modules) execFileSync('cp', ['-al', join(ROOT, m), join(clone, m)]);
  }, 120_000);

  let running: ChildProcess | undefined;
  afterAll(async () => {
    // A failed assertion must not leave the stack running.
    await stopLeftovers(running);
    rmSync(privateDir, { recursive: true, force: true });
    rmSync(runtimeDir, { recursive: true, force: true });
  }, 30_000);

  it('serves the gateway, and a restart finds the same data', async () => {
    expect(statSync(privateDir).mode & 0o777).toBe(0o700);
    const env = await npmStartEnv({ EMBEDDED_PG_RUNTIME_DIR: runtimeDir });
    delete env.EMBEDDED_PG_DATA_DIR; // the default: .data/postgres inside the private clone
    const gateway = `http://127.0.0.1:${env.GATEWAY_PORT}/graphql`;
    const token = await tokenFor('SOCIAL_SERVICE');

    const first = await startNpm(clone, env);
    running = first.child;
    const dataLine = /"dataDir":"([^"]+)"[^\n]*embedded server started/.exec(first.output());
    // As root the data cannot stay in the private folder; it is kept under the runtime folder instead.
    expect(dataLine?.[1]).toEqual(
      isRoot ? expect.stringContaining(join(runtimeDir, 'data')) : join(clone, '.data', 'postgres'),
    );
    const id = await registerPerson(gateway, token, 777, 'Закрытая');
    await ctrlC(first.child);
    await eventually(async () => !groupAlive(first.child), 20_000, 100);

    const second = await startNpm(clone, env);
    running = second.child;
    expect(await lastNameOf(gateway, token, id)).toBe('Закрытая');
    await ctrlC(second.child);
    await eventually(async () => !groupAlive(second.child), 20_000, 100);
  }, 240_000);
});
