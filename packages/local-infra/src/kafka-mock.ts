import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

/**
 * librdkafka's mock cluster, reached through Debian's `kcat`: a real
 * Kafka-protocol broker (consumer groups, offsets, headers) that needs no JVM.
 * See DESIGN.md §5 for its limits (no idempotent producer, no admin API).
 */
export interface RunningKafkaMock {
  brokers: string[];
  pid: number;
  /** Calls `listener` if the broker exits without `stop()` (it keeps messages in memory: nothing to restart). */
  onUnexpectedExit(listener: (code: number | null, signal: string | null) => void): void;
  stop(): Promise<void>;
}

export const kcatAvailable = (): boolean => spawnSync('kcat', ['-V'], { stdio: 'ignore' }).status === 0;

/** `ownProcessGroup`: a terminal's Ctrl-C reaches only the launcher, which stops the broker after the services. */
export function startKafkaMock(
  numBrokers = 3,
  timeoutMs = 15_000,
  o: { ownProcessGroup?: boolean } = {},
): Promise<RunningKafkaMock> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      'kcat',
      ['-b', 'x', '-X', `test.mock.num.brokers=${numBrokers}`, '-d', 'mock', '-C', '-t', '__warmup', '-o', 'end', '-q'],
      { stdio: ['ignore', 'ignore', 'pipe'], detached: o.ownProcessGroup === true },
    );
    let buf = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`kcat mock cluster did not report its bootstrap servers within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (e) => (clearTimeout(timer), reject(e)));
    child.stderr!.on('data', (d: Buffer) => {
      if (timer === undefined) return;
      buf += d.toString();
      const m = /bootstrap\.servers=([^\s]+)/.exec(buf);
      if (!m) return;
      clearTimeout(timer);
      buf = '';
      child.stderr!.removeAllListeners('data');
      child.stderr!.resume(); // keep draining so kcat never blocks on a full pipe
      // Out of the terminal's group, it must not outlive a launcher that exits without stopping it.
      if (o.ownProcessGroup) process.once('exit', () => child.kill('SIGKILL'));
      let stopping = false;
      resolve({
        brokers: m[1]!.split(','),
        pid: child.pid!,
        onUnexpectedExit: (listener) =>
          void child.once('exit', (code, signal) => (stopping ? undefined : listener(code, signal))),
        stop: () => ((stopping = true), stopProcess(child)),
      });
    });
  });
}

/** SIGTERM, then SIGKILL after 3 s: the mock sometimes ignores an early SIGTERM. */
export function stopProcess(child: ChildProcess, graceMs = 3000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const t = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => (clearTimeout(t), resolve()));
    child.kill('SIGTERM');
  });
}
