import { Client } from 'pg';
import type { Principal } from '@sc/auth';
import type { Logger } from '@sc/runtime';
import { auditInsertSql, auditRow, type AuditEntry } from './audit';

interface Pending {
  p: Principal;
  entries: AuditEntry[];
  requestId?: string;
  done: (e?: unknown) => void;
}

/**
 * Writes read-audit entries with group commit: requests that finish while a
 * write is in flight are written together by the next single INSERT, so the
 * cost per request falls as load rises and nothing waits on a timer. Each
 * request still waits until its own entries are written.
 *
 * The dedicated session runs with synchronous_commit = off: only a crash of
 * the database server itself can lose the last fraction of a second of read
 * entries. Changes are audited inside their own durable transactions instead.
 */
export class ReadAuditWriter {
  private queue: Pending[] = [];
  private flushing?: Promise<void>;
  private client?: Promise<Client>;

  constructor(
    private readonly connectionString: string,
    private readonly log: Logger,
  ) {}

  write(p: Principal, entries: AuditEntry[], requestId?: string): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.queue.push({ p, entries, requestId, done: (e) => (e ? reject(e) : resolve()) });
      this.flushing ??= this.flush();
    });
  }

  private connect(): Promise<Client> {
    this.client ??= (async () => {
      const c = new Client({ connectionString: this.connectionString, application_name: 'read-audit' });
      c.on('error', (err) => {
        this.log.warn({ err }, 'read-audit connection lost');
        this.client = undefined;
      });
      await c.connect();
      await c.query('set synchronous_commit = off');
      return c;
    })().catch((e) => {
      this.client = undefined;
      throw e;
    });
    return this.client;
  }

  private async flush(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0, 500);
      const rows = batch.flatMap((b) => b.entries.map((e) => auditRow(b.p, e, b.requestId)));
      try {
        const c = await this.connect();
        await c.query(
          auditInsertSql(rows.length, (i) => `$${i}`),
          rows.flat(),
        );
        batch.forEach((b) => b.done());
      } catch (e) {
        batch.forEach((b) => b.done(e));
      }
    }
    this.flushing = undefined;
  }

  async close(): Promise<void> {
    await this.flushing;
    const c = await this.client?.catch(() => undefined);
    this.client = undefined;
    await c?.end().catch(() => undefined);
  }
}
