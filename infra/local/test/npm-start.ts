import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { freePort } from '@sc/local-infra';
import { eventually, gql, validSnils } from '@sc/testing';

/** `npm start` as a user runs it, in its own process group like a terminal session. */
export interface RunningNpmStart {
  child: ChildProcess;
  output(): string;
}

/** Free ports for every listener of the stack, so a test never meets a running `npm start`. */
export async function npmStartEnv(extra: NodeJS.ProcessEnv = {}): Promise<NodeJS.ProcessEnv> {
  return {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    EMBEDDED_MESSAGING: 'in-process',
    EMBEDDED_PG_PORT: String(await freePort()),
    GATEWAY_PORT: String(await freePort()),
    SOCIAL_PROTECTION_PORT: String(await freePort()),
    EMPLOYMENT_PORT: String(await freePort()),
    SOCIAL_SERVICE_PORT: String(await freePort()),
    ...extra,
  };
}

export function startNpm(cwd: string, env: NodeJS.ProcessEnv): Promise<RunningNpmStart> {
  const child = spawn('npm', ['start'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${out}`))),
  );
  const banner = eventually(
    async () => (out.includes('Stop:       Ctrl-C') ? { child, output: () => out } : undefined),
    60_000,
    200,
  );
  return Promise.race([banner, exited]);
}

/** Ctrl-C: SIGINT to every process of the group (npm, node, PostgreSQL, ...). */
export const ctrlC = (child: ChildProcess): Promise<void> =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    process.kill(-child.pid!, 'SIGINT');
  });

export const groupAlive = (child: ChildProcess): boolean => spawnSync('pgrep', ['-g', String(child.pid)]).status === 0;

export const postgresRunningOn = (dataDir: string): boolean =>
  spawnSync('pgrep', ['-f', `postgres -D ${dataDir}`]).status === 0;

/**
 * After a failed assertion, what `npm start` left is stopped as a user would:
 * Ctrl-C, which also stops the broker and PostgreSQL the launcher started in
 * process groups of their own (a SIGKILL of the launcher's group alone left
 * them running); killed if it does not stop in time, with a PostgreSQL still
 * serving `dataDir`. Give the hook that calls it 30 s.
 */
export async function stopLeftovers(child: ChildProcess | undefined, dataDir?: string): Promise<void> {
  if (child && groupAlive(child)) {
    process.kill(-child.pid!, 'SIGINT');
    await eventually(async () => !groupAlive(child), 20_000, 200).catch(() => process.kill(-child.pid!, 'SIGKILL'));
  }
  if (dataDir && postgresRunningOn(dataDir)) spawnSync('pkill', ['-KILL', '-f', `postgres -D ${dataDir}`]);
}

/** Writes one person through the gateway (a КЦСОН application) and returns the citizen key. */
export async function registerPerson(gateway: string, token: string, seed: number, lastName: string): Promise<string> {
  const reg = await gql(
    gateway,
    `mutation($i: RegisterSocialServiceApplicationInput!) { registerSocialServiceApplication(input: $i) { citizen { id } } }`,
    {
      i: {
        citizen: { snils: validSnils(seed), lastName, firstName: 'Вера', birthDate: '1970-07-07' },
        needs: {
          socialHelp: true,
          psychologicalSupport: false,
          employmentHelp: false,
          vocationalTraining: false,
          financialLiteracy: false,
        },
        circumstances: [],
      },
    },
    token,
  );
  if (reg.errors) throw new Error(JSON.stringify(reg.errors));
  return reg.data.registerSocialServiceApplication.citizen.id;
}

/** The surname КЦСОН holds for a citizen, read back through the gateway. */
export async function lastNameOf(gateway: string, token: string, id: string): Promise<string | undefined> {
  const r = await gql(
    gateway,
    `query($id: ID!) { citizen(id: $id) { socialServiceProfile { lastName } } }`,
    { id },
    token,
  );
  return r.data?.citizen?.socialServiceProfile?.lastName;
}

/** The supervised processes' pids as the banner lists them ("Processes:  gateway 123, …"). */
export function pidsOf(output: string): Record<string, number> {
  const line = /Processes: {2}(.*) \(supervised/.exec(output)?.[1] ?? '';
  return Object.fromEntries(
    line.split(', ').map((p) => {
      const [name, pid] = p.split(' ');
      return [name!, Number(pid)];
    }),
  );
}

export const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
