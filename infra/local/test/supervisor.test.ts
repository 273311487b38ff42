import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sleep } from '@sc/kernel';
import { freePort } from '@sc/local-infra';
import { createLogger } from '@sc/runtime';
import { Supervisor } from '../src/supervisor';

/** A process that only answers its readiness, for the supervisor's own behaviour. */
function tinyServer(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'supervised-')), 'serve.cjs');
  writeFileSync(
    file,
    `require('node:http').createServer((q, r) => r.end('ok')).listen(Number(process.env.PORT), '127.0.0.1');`,
  );
  return file;
}

/** A supervisor of one tiny process, restarted `backoffMs` after a crash. */
async function supervised(backoffMs: number) {
  const port = await freePort();
  const readyUrl = `http://127.0.0.1:${port}/ready`;
  const supervisor = new Supervisor({
    log: createLogger('supervisor-test', 'silent'),
    out: { write: () => true } as unknown as NodeJS.WritableStream,
    backoff: { initialMs: backoffMs, maxMs: backoffMs, factor: 1 },
  });
  const p = supervisor.start({ name: 'tiny', entry: tinyServer(), env: { PORT: String(port) }, readyUrl });
  return { supervisor, p, readyUrl };
}

const answers = (url: string) =>
  fetch(url).then(
    (r) => r.ok,
    () => false,
  );

describe('the supervisor', () => {
  it('starts a crashed process again, but not one stopped on purpose until it is spawned', async () => {
    const { supervisor, p, readyUrl } = await supervised(50);
    try {
      await p.ready(20_000);
      const first = p.pid;

      // Killed from outside: a crash, started again after the backoff.
      p.child!.kill('SIGKILL');
      for (const until = Date.now() + 10_000; p.restarts === 0 && Date.now() < until;) await sleep(20);
      expect(p.restarts).toBe(1);
      await p.ready(20_000);
      expect(p.pid).not.toBe(first);

      // Stopped on purpose (as bench part 1 holds ЦСПН back while a backlog builds): it stays down.
      await p.stop();
      await sleep(1_000); // twenty backoffs
      expect(await answers(readyUrl)).toBe(false);
      expect(p.restarts).toBe(1);

      p.spawn();
      await p.ready(20_000);
      expect(await answers(readyUrl)).toBe(true);
    } finally {
      await supervisor.stop();
    }
    expect(await answers(readyUrl)).toBe(false);
  }, 60_000);

  it('does not start again a crashed process stopped while it waited for its restart', async () => {
    const { supervisor, p, readyUrl } = await supervised(1_000);
    try {
      await p.ready(20_000);
      p.child!.kill('SIGKILL');
      for (const until = Date.now() + 10_000; p.restarts === 0 && Date.now() < until;) await sleep(20);
      expect(p.restarts).toBe(1); // its restart is due in a second
      await p.stop();
      await sleep(1_500);
      expect(await answers(readyUrl)).toBe(false);
    } finally {
      await supervisor.stop();
    }
  }, 60_000);
});
