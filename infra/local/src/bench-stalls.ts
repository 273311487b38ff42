/**
 * Where a steady run of bench part 1 was slow, and what the machine did
 * meanwhile: the referrals over 100 ms to ЦСПН, when they were sent, the
 * CPU each process used over that window (in cores) beside its share over
 * the whole run, PostgreSQL's checkpoints, and the host's steal (time this
 * virtual machine had work but the host ran something else). A process far
 * above its run share was busy with something else; all of them low means
 * the referrals were waiting (on the broker, a consumer group, a lock) — or,
 * with steal high, that the machine itself stood still.
 */
import { Client } from 'pg';
import { f1, pct, wallNow } from './bench-common';

interface Sample {
  at: number;
  cpu: Record<string, number>;
}

/** Samples `cpu()` (ms of CPU so far, by process) every `everyMs` until stopped. */
export function cpuTimeline(cpu: () => Record<string, number>, everyMs = 500) {
  const samples: Sample[] = [{ at: wallNow(), cpu: cpu() }];
  const timer = setInterval(() => samples.push({ at: wallNow(), cpu: cpu() }), everyMs);
  return {
    stop(): Sample[] {
      clearInterval(timer);
      samples.push({ at: wallNow(), cpu: cpu() });
      return samples;
    },
  };
}

/** Cores used by each process between the samples nearest `from` and `to` (`machine` left out). */
function coresBetween(samples: Sample[], from: number, to: number): Record<string, number> {
  const first = samples.findLast((s) => s.at <= from) ?? samples[0]!;
  const last = samples.find((s) => s.at >= to) ?? samples[samples.length - 1]!;
  const seconds = Math.max(0.001, last.at - first.at);
  return Object.fromEntries(
    Object.keys(last.cpu)
      .filter((k) => k !== 'machine')
      .map((k) => [k, (last.cpu[k]! - first.cpu[k]!) / seconds]),
  );
}

/** A steady run's referrals over 100 ms to ЦСПН: how many, the first and last sent, the last arrived (epoch ms). */
export interface SlowWindow {
  count: number;
  firstSent: number;
  lastSent: number;
  lastArrived: number;
}

export function slowWindow(sentAt: Map<string, number>, arrivedAt: Map<string, number>): SlowWindow | undefined {
  const slow = [...sentAt].filter(([id, t]) => (arrivedAt.get(id) ?? Infinity) - t > 100);
  if (!slow.length) return undefined;
  return {
    count: slow.length,
    firstSent: Math.min(...slow.map(([, t]) => t)),
    lastSent: Math.max(...slow.map(([, t]) => t)),
    lastArrived: Math.max(...slow.map(([id]) => arrivedAt.get(id) ?? wallNow())),
  };
}

export function stallLine(
  w: SlowWindow | undefined,
  t0: number,
  samples: Sample[],
  checkpoints: { count: number; buffers: number },
): string {
  const [first, last] = [samples[0]!, samples[samples.length - 1]!];
  const steal = (last.cpu.steal ?? 0) - (first.cpu.steal ?? 0);
  const head = `      over 100 ms: ${w?.count ?? 0}; checkpoints meanwhile ${checkpoints.count} (${checkpoints.buffers} buffers written); the host's steal over the run ${steal.toFixed(0)} ms`;
  if (!w) return head;
  const clock = (t: number) => new Date(t).toISOString().slice(11, 23);
  const during = coresBetween(samples, w.firstSent, w.lastArrived);
  const overall = coresBetween(samples, samples[0]!.at, samples[samples.length - 1]!.at);
  // A process summed by command (PostgreSQL's backends) drops when one of them exits: left out then.
  const busiest = Object.entries(during)
    .filter(([k, c]) => c >= 0 && overall[k]! >= 0)
    .sort((a, b) => b[1] - a[1])
    .map(([k, c]) => `${k} ${c.toFixed(2)} (run ${overall[k]!.toFixed(2)})`);
  return [
    `${head}; sent ${f1((w.firstSent - t0) / 1000)}–${f1((w.lastSent - t0) / 1000)} s into the run, ${clock(w.firstSent)}–${clock(w.lastArrived)} UTC`,
    `      CPU in that window, cores: ${busiest.join(', ')}`,
  ].join('\n');
}

/**
 * The two waits of the referral messages КЦСОН staged between `from` and
 * `to` (epoch ms): in its outbox until the relay's publish was acknowledged,
 * and from then until ЦСПН's consumer began the transaction that took it
 * (its inbox row). Tells a relay that held messages back from a broker or
 * consumer that did not deliver them.
 */
export async function hopsLine(socialService: string, socialProtection: string, from: number, to: number) {
  const ss = new Client({ connectionString: socialService });
  const sp = new Client({ connectionString: socialProtection });
  await Promise.all([ss.connect(), sp.connect()]);
  try {
    const { rows: sent } = await ss.query<{ id: string; c: number; p: number | null }>(
      `select headers ->> 'ce_id' as id, extract(epoch from created_at) * 1000 as c, extract(epoch from published_at) * 1000 as p
         from outbox_message where type = 'referral.for-contract.v1'
          and created_at between to_timestamp($1 / 1000.0) and to_timestamp($2 / 1000.0)`,
      [from - 1000, to],
    );
    const { rows: taken } = await sp.query<{ id: string; r: number }>(
      'select message_id as id, extract(epoch from received_at) * 1000 as r from inbox_message where message_id = any($1)',
      [sent.map((m) => m.id)],
    );
    const takenAt = new Map(taken.map((t) => [t.id, Number(t.r)]));
    const relay = sent.filter((m) => m.p !== null).map((m) => Number(m.p) - Number(m.c));
    const delivery = sent.filter((m) => m.p !== null && takenAt.has(m.id)).map((m) => takenAt.get(m.id)! - Number(m.p));
    const ms = (xs: number[]) => (xs.length ? `p50 ${f1(pct(xs, 50))} max ${f1(Math.max(...xs))} ms` : '—');
    return `      of its ${sent.length} messages: КЦСОН outbox → published ${ms(relay)}; published → taken by ЦСПН ${ms(delivery)}`;
  } finally {
    await Promise.all([ss.end(), sp.end()]);
  }
}
