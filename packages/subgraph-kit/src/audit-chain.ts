import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Logger } from '@sc/runtime';

/**
 * V2 of the audit log: every row is sealed into a hash chain (152-ФЗ: a trail
 * people can trust). `chain_pos` orders the chain; `hash` = SHA-256 of the
 * previous hash and the row's content. A changed row no longer matches its
 * hash; a deleted row leaves a gap in the positions; both are found by
 * `npm run audit -- verify`.
 */
export const AUDIT_CHAIN_V2: readonly string[] = [
  `alter table audit_log add column purpose text, add column chain_pos bigint, add column prev_hash text, add column hash text`,
  `create unique index audit_log_chain_pos_uq on audit_log (chain_pos)`,
  `create index audit_log_unsealed_idx on audit_log (id) where chain_pos is null`,
];

const GENESIS = '0'.repeat(64);
/** One sealer per database (an advisory lock, as the outbox relay's). */
const SEALER_LOCK = 7_310_001;

interface AuditRow {
  id: string;
  at: Date;
  subject: string;
  agency: string;
  roles: string[];
  territory: string | null;
  operation: string;
  action: string;
  citizen_id: string;
  entity: string | null;
  entity_id: string | null;
  request_id: string | null;
  purpose: string | null;
}

/** The content a hash covers: every column a reader relies on, in a fixed order. */
export function auditRowHash(prev: string, r: AuditRow): string {
  const content = [
    r.id,
    new Date(r.at).toISOString(),
    r.subject,
    r.agency,
    r.roles.join(','),
    r.territory ?? '',
    r.operation,
    r.action,
    r.citizen_id,
    r.entity ?? '',
    r.entity_id ?? '',
    r.request_id ?? '',
    r.purpose ?? '',
  ].join('\u001f');
  return createHash('sha256').update(prev).update('\u001e').update(content).digest('hex');
}

/**
 * Seals new audit rows into the chain, oldest id first, once they are a few
 * seconds old (so rows of transactions that commit late are not skipped
 * forever: a row that appears after a younger one was sealed is appended
 * at the end of the chain). Runs in the background of every service; only
 * the replica holding the lock seals.
 */
export class AuditSealer {
  private readonly pool: pg.Pool;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    connectionString: string,
    private readonly log: Logger,
    private readonly o: { everyMs: number; settleMs: number } = { everyMs: 1000, settleMs: 2000 },
  ) {
    this.pool = new pg.Pool({ connectionString, max: 1 });
    this.pool.on('error', () => undefined);
  }

  start(): void {
    this.timer = setInterval(() => {
      this.running ??= this.sealOnce()
        .catch((err) => this.log.warn({ err }, 'audit sealing failed; retrying'))
        .finally(() => (this.running = undefined));
    }, this.o.everyMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    await this.pool.end();
  }

  /** Seals what is due now; returns how many rows it sealed (0 when another replica holds the lock). */
  async sealOnce(settleMs = this.o.settleMs): Promise<number> {
    const c = await this.pool.connect();
    // A checked-out client has no pool listener: a connection the server drops between two statements
    // (a shutdown, a restart) would otherwise be an unhandled 'error' that ends the process.
    let lost: Error | undefined;
    const onLost = (err: Error) => {
      lost = err;
      this.log.warn({ err }, 'audit sealer connection lost');
    };
    c.on('error', onLost);
    try {
      await c.query('begin');
      const { rows: lock } = await c.query<{ ok: boolean }>('select pg_try_advisory_xact_lock($1) as ok', [
        SEALER_LOCK,
      ]);
      if (!lock[0]!.ok) return (await c.query('rollback'), 0);
      const { rows: last } = await c.query<{ chain_pos: string; hash: string }>(
        'select chain_pos, hash from audit_log where chain_pos is not null order by chain_pos desc limit 1',
      );
      let pos = Number(last[0]?.chain_pos ?? 0);
      let prev = last[0]?.hash ?? GENESIS;
      const { rows } = await c.query<AuditRow>(
        `select * from audit_log where chain_pos is null and at < now() - make_interval(secs => $1)
         order by id limit 1000`,
        [settleMs / 1000],
      );
      const seals = { id: [] as string[], pos: [] as number[], prev: [] as string[], hash: [] as string[] };
      for (const r of rows) {
        const hash = auditRowHash(prev, r);
        seals.id.push(r.id);
        seals.pos.push(++pos);
        seals.prev.push(prev);
        seals.hash.push(hash);
        prev = hash;
      }
      // One statement for the whole batch, not a round trip per row.
      if (rows.length)
        await c.query(
          `update audit_log a set chain_pos = s.pos, prev_hash = s.prev, hash = s.hash
             from unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) as s(id, pos, prev, hash)
            where a.id = s.id`,
          [seals.id, seals.pos, seals.prev, seals.hash],
        );
      await c.query('commit');
      // The head, written where the database cannot rewrite it: cutting rows off the chain's end shows against it.
      if (rows.length) this.log.info({ chainPos: pos, hash: prev }, 'audit chain head');
      return rows.length;
    } catch (e) {
      await c.query('rollback').catch(() => undefined);
      throw e;
    } finally {
      c.off('error', onLost);
      c.release(lost); // a lost connection is destroyed, not returned to the pool
    }
  }
}

export interface ChainVerdict {
  sealed: number;
  unsealed: number;
  /** The first place the chain does not hold, if any. */
  broken?: { chainPos: number; id?: string; problem: 'CHANGED' | 'MISSING' };
}

/** Walks the whole chain, a page at a time (the log grows without end), and recomputes every hash. */
export async function verifyAuditChain(connectionString: string, pageSize = 10_000): Promise<ChainVerdict> {
  const c = new pg.Client({ connectionString });
  await c.connect();
  try {
    const { rows: counts } = await c.query<{ sealed: string; unsealed: string }>(
      `select count(chain_pos) as sealed, count(*) - count(chain_pos) as unsealed from audit_log`,
    );
    const verdict: ChainVerdict = { sealed: Number(counts[0]!.sealed), unsealed: Number(counts[0]!.unsealed) };
    let prev = GENESIS;
    let expected = 1;
    for (;;) {
      const { rows } = await c.query<AuditRow & { chain_pos: string; prev_hash: string; hash: string }>(
        'select * from audit_log where chain_pos >= $1 order by chain_pos limit $2',
        [expected, pageSize],
      );
      for (const r of rows) {
        const pos = Number(r.chain_pos);
        if (pos !== expected) return { ...verdict, broken: { chainPos: expected, problem: 'MISSING' } };
        if (r.prev_hash !== prev || auditRowHash(prev, r) !== r.hash)
          return { ...verdict, broken: { chainPos: pos, id: String(r.id), problem: 'CHANGED' } };
        prev = r.hash;
        expected++;
      }
      if (rows.length < pageSize) return verdict;
    }
  } finally {
    await c.end();
  }
}
