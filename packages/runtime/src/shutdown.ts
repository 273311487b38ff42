/**
 * How an entry point (`main.ts`) learns it must stop: SIGTERM (Kubernetes,
 * the launcher), SIGINT (Ctrl-C) — except under the launcher's supervisor,
 * which orders the stop itself (gateway first, then the services) and so
 * asks each process with SIGTERM — and the supervisor's IPC channel closing
 * (the launcher was killed: nobody is left to stop this process).
 */
export function onShutdown(stop: (reason: string) => Promise<void>, env = process.env): void {
  let stopping = false;
  const once = (reason: string) => {
    if (stopping) return;
    stopping = true;
    void stop(reason)
      .finally(() => Promise.allSettled(lastHooks.map((h) => h())))
      .finally(() => process.exit(0));
  };
  process.on('SIGTERM', () => once('SIGTERM'));
  // A terminal's Ctrl-C reaches the whole process group; supervised, the launcher decides the order.
  process.on('SIGINT', () => (isSupervised(env) ? undefined : once('SIGINT')));
  if (process.send) process.once('disconnect', () => once('the launcher is gone'));
}

/** Started by `npm start`'s supervisor (it sets SC_SUPERVISED=1 and keeps an IPC channel to the child). */
export const isSupervised = (env = process.env): boolean => env.SC_SUPERVISED === '1';

const lastHooks: Array<() => Promise<unknown>> = [];

/** Work for the very end of a stop, after the service has stopped (the tracer flushing its last spans). */
export function atLastStop(hook: () => Promise<unknown>): void {
  lastHooks.push(hook);
}
