import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { backoffDelay, sleep, type BackoffPolicy } from '@sc/kernel';
import type { Logger } from '@sc/runtime';

/** One process of the stack, started from its own `main.ts` as it runs in production. */
export interface ProcessSpec {
  name: string;
  /** The TypeScript entry point, run on this runtime with tsx. */
  entry: string;
  env: NodeJS.ProcessEnv;
  /** Answers 200 when the process serves (its `/ready`). */
  readyUrl: string;
}

export interface SupervisorOptions {
  log: Logger;
  /** Where the children's lines go, each prefixed with its process's name. */
  out?: NodeJS.WritableStream;
  colour?: boolean;
  /** Between restarts of a process that keeps failing; reset once it has run for `stableMs`. */
  backoff?: BackoffPolicy;
  stableMs?: number;
  /** How long a process may take to stop after SIGTERM before it is killed. */
  stopTimeoutMs?: number;
}

/**
 * The same flags as the container command (infra/Dockerfile). No warning is
 * silenced: kafkajs' negative timer, which Node ≥ 24 warned of at every
 * start, is gone (`fixKafkajsIdleLoop` in @sc/messaging).
 */
export const NODE_FLAGS = [
  '--import',
  'tsx',
  // OpenTelemetry before anything else loads (it does nothing unless OTEL_EXPORTER_OTLP_ENDPOINT is set).
  '--import',
  join(dirname(require.resolve('@sc/runtime/package.json')), 'src', 'tracing.register.ts'),
];
const COLOURS = [36, 33, 35, 32, 34, 91];
const RESTART_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 15_000, factor: 2 };

/**
 * `npm start`'s supervisor: a crashed process is logged and started again
 * (with backoff while it keeps failing) while the others go on serving;
 * `stop()` ends them one by one in the order asked (the gateway before the
 * services it calls). Children keep an IPC channel, so a killed launcher
 * leaves no orphans: each stops when the channel closes (`onShutdown`).
 */
export class Supervisor {
  private readonly procs = new Map<string, Supervised>();
  private stopping = false;

  constructor(private readonly o: SupervisorOptions) {}

  start(spec: ProcessSpec): Supervised {
    const hue = this.o.colour ? COLOURS[this.procs.size % COLOURS.length] : undefined;
    const p = new Supervised(spec, { ...this.o, hue, stopping: () => this.stopping });
    this.procs.set(spec.name, p);
    p.spawn();
    return p;
  }

  get(name: string): Supervised | undefined {
    return this.procs.get(name);
  }

  /** Stops the named processes in this order, then any others. */
  async stop(order: string[] = []): Promise<void> {
    this.stopping = true;
    const rest = [...this.procs.keys()].filter((n) => !order.includes(n));
    for (const n of [...order, ...rest]) await this.procs.get(n)?.stop();
  }
}

export class Supervised {
  child?: ChildProcess;
  restarts = 0;
  private startedAt = 0;
  private failures = 0;
  /** Stopped on purpose (`stop()`), not crashed: not started again until `spawn()`. */
  private held = false;

  constructor(
    readonly spec: ProcessSpec,
    private readonly o: SupervisorOptions & { hue?: number; stopping(): boolean },
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  spawn(): void {
    this.held = false;
    const child = spawn(process.execPath, [...NODE_FLAGS, this.spec.entry], {
      env: { OTEL_SERVICE_NAME: this.spec.name, ...this.spec.env, SC_SUPERVISED: '1' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.child = child;
    this.startedAt = Date.now();
    this.pipe(child.stdout!);
    this.pipe(child.stderr!);
    this.o.log.info({ process: this.spec.name, pid: child.pid }, 'process started');
    child.once('exit', (code, signal) => this.exited(child, code, signal));
  }

  /** Polls the process's readiness until it answers 200 or the time is up. */
  async ready(timeoutMs = 90_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const ok = await fetch(this.spec.readyUrl).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await sleep(200);
    }
    throw new Error(`${this.spec.name} was not ready within ${timeoutMs / 1000} s (${this.spec.readyUrl})`);
  }

  /** Ends the process (SIGTERM, then SIGKILL after `stopTimeoutMs`); it stays down until `spawn()`. */
  async stop(): Promise<void> {
    this.held = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timeout = sleep(this.o.stopTimeoutMs ?? 15_000).then(() => 'timeout');
    if ((await Promise.race([exited, timeout])) === 'timeout') {
      this.o.log.warn({ process: this.spec.name }, 'did not stop in time: killed');
      child.kill('SIGKILL');
      await exited;
    }
    this.o.log.info({ process: this.spec.name }, 'process stopped');
  }

  private exited(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.o.stopping() || this.held || child !== this.child) return;
    // A process that ran for a while failed anew: start again quickly; one that keeps failing waits longer.
    this.failures = Date.now() - this.startedAt > (this.o.stableMs ?? 30_000) ? 1 : this.failures + 1;
    const delay = backoffDelay(this.failures, this.o.backoff ?? RESTART_BACKOFF);
    this.restarts += 1;
    this.o.log.error(
      { process: this.spec.name, code, signal, restarts: this.restarts, inMs: delay },
      'process exited unexpectedly: restarting it',
    );
    setTimeout(() => {
      // Not if it was stopped on purpose while it waited to be started again.
      if (!this.o.stopping() && !this.held) this.spawn();
    }, delay);
  }

  private pipe(stream: NodeJS.ReadableStream): void {
    const label = this.spec.name.padEnd(17);
    const prefix = this.o.hue ? `\x1b[${this.o.hue}m${label}│\x1b[0m ` : `${label}│ `;
    const out = this.o.out ?? process.stdout;
    createInterface({ input: stream }).on('line', (line) => out.write(`${prefix}${line}\n`));
  }
}
