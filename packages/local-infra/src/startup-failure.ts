/**
 * A failure to start the embedded PostgreSQL that the person at the terminal
 * can fix: what failed and what to do, in one line. Launchers print its
 * message and exit non-zero instead of showing a stack trace.
 */
export class EmbeddedPostgresError extends Error {
  constructor(
    readonly what: string,
    readonly todo: string,
  ) {
    super(`PostgreSQL could not start: ${what}. ${todo}`);
    this.name = 'EmbeddedPostgresError';
  }
}

export interface ServerFailureContext {
  port: number;
  dataDir: string;
}

/** Turns what the server printed before it exited into one actionable line. */
export function explainServerFailure(output: string, ctx: ServerFailureContext): EmbeddedPostgresError {
  if (/Address already in use|could not create any TCP\/IP sockets/.test(output)) {
    return new EmbeddedPostgresError(
      `port ${ctx.port} is taken`,
      `Set EMBEDDED_PG_PORT to a free port, or stop the program that listens on ${ctx.port}`,
    );
  }
  if (/lock file "postmaster\.pid" already exists/.test(output)) {
    return new EmbeddedPostgresError(
      `another PostgreSQL already runs on ${ctx.dataDir}`,
      'Stop the other npm start (or its leftover postgres process) first',
    );
  }
  if (/Permission denied|Read-only file system/.test(output)) {
    return new EmbeddedPostgresError(
      `the server may not write ${ctx.dataDir} (${lastFatal(output)})`,
      'Set EMBEDDED_PG_DATA_DIR to a writable folder',
    );
  }
  return new EmbeddedPostgresError(
    lastFatal(output) || 'the server exited during start-up',
    'Run with LOG_LEVEL=debug to see its log',
  );
}

function lastFatal(output: string): string {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const fatal = lines.filter((l) => /FATAL|ERROR|error/.test(l)).pop() ?? lines.pop() ?? '';
  return fatal.replace(/^.*?(FATAL|ERROR):\s*/, '');
}

/** mkdir/chown failures of the launcher itself (as opposed to the server's). */
export function explainFsFailure(e: unknown, dir: string, envVar: string): EmbeddedPostgresError {
  const code = (e as NodeJS.ErrnoException).code ?? 'error';
  const why =
    code === 'EROFS' ? 'read-only file system' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code;
  return new EmbeddedPostgresError(`cannot create ${dir} (${why})`, `Set ${envVar} to a writable folder`);
}
