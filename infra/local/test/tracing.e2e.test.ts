import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { validSnils } from '@sc/testing';

interface SpanLine {
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes: Record<string, unknown>;
}
const SERVER = 1;
const SNILS = validSnils(777); // the person one-referral.script.ts registers
const PRODUCER = 3;
const CONSUMER = 4;

/** Runs one traced referral in a child process (the SDK must load before http, graphql and pg are required). */
async function traceOneReferral(): Promise<SpanLine[]> {
  const dir = join(__dirname, 'tracing');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', join(dir, 'in-memory.preload.ts'), join(dir, 'one-referral.script.ts')],
    { env: { ...process.env, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const [code] = (await once(child, 'exit')) as [number];
  if (code !== 0) throw new Error(`the traced run failed (${code}):\n${err}`);
  return out
    .split('\n')
    .filter((l) => l.startsWith('SPAN '))
    .map((l) => JSON.parse(l.slice(5)) as SpanLine);
}

/**
 * One referral, one trace: the gateway's request, the subgraph it calls,
 * the database work, the outbox row (its CloudEvents traceparent), the
 * relay's publish, ЦСПН's handling of the referral, its reply published and
 * КЦСОН's handling of that reply — every span connected to one root, with
 * the official SDK's instrumentations (http, graphql, pg) and an in-memory
 * exporter, on the real PostgreSQL and broker.
 */
describe('tracing: one referral is one connected trace from the gateway to the consumer in the other service', () => {
  it('links gateway → subgraph → outbox → relay → consumer → reply → consumer', async () => {
    const spans = await traceOneReferral();
    const accepted = spans.find((s) => s.name === 'process referral.accepted.v1');
    expect(accepted).toBeDefined();
    const trace = spans.filter((s) => s.traceId === accepted!.traceId);
    const byId = new Map(trace.map((s) => [s.spanId, s]));
    const roots = trace.filter((s) => !s.parentSpanId || !byId.has(s.parentSpanId));
    // Connected: exactly one root, the gateway's HTTP server span of the mutation.
    expect(roots).toHaveLength(1);
    expect(roots[0]!.kind).toBe(SERVER);
    const ancestors = (s: SpanLine): SpanLine[] => {
      const up: SpanLine[] = [];
      for (let p = s.parentSpanId && byId.get(s.parentSpanId); p; p = p.parentSpanId && byId.get(p.parentSpanId))
        up.push(p);
      return up;
    };

    // The consumer in КЦСОН handles ЦСПН's reply, published by ЦСПН's relay …
    const replyPublish = byId.get(accepted!.parentSpanId!)!;
    expect(replyPublish.kind).toBe(PRODUCER);
    expect(replyPublish.name).toMatch(/^publish .*sc\.referrals\.v1$/);
    // … staged while ЦСПН handled the referral, which КЦСОН's relay had published …
    const handled = ancestors(replyPublish).find((s) => s.name === 'process referral.for-contract.v1')!;
    expect(handled.kind).toBe(CONSUMER);
    expect(handled.attributes['sc.outcome']).toBe('handled');
    const referralPublish = byId.get(handled.parentSpanId!)!;
    expect(referralPublish.kind).toBe(PRODUCER);
    // … from the outbox row written by the mutation's request in the КЦСОН subgraph, called by the gateway.
    const chain = ancestors(referralPublish);
    expect(chain.filter((s) => s.kind === SERVER).length).toBeGreaterThanOrEqual(2); // subgraph and gateway
    expect(chain.some((s) => /ReferForContract|referCitizenForSocialContract/.test(s.name))).toBe(true);

    // The database work of both services is in the trace (pg instrumentation), without statement values.
    const db = trace.filter(
      (s) => s.attributes['db.system.name'] === 'postgresql' || s.attributes['db.system'] === 'postgresql',
    );
    expect(db.length).toBeGreaterThan(3);
    expect(db.some((s) => ancestors(s).includes(handled))).toBe(true);
    // No values in any span: MikroORM's inlined parameters are redacted (the surname, the СНИЛС, the citizen key).
    const text = JSON.stringify(trace);
    expect(text).not.toContain('Трассова');
    expect(text).not.toContain(SNILS);
    expect(
      db.find((s) => /insert into "citizen"/.test(String(s.attributes['db.query.text'])))?.attributes['db.query.text'],
    ).toMatch(/values \(\?, \?, /);
  }, 180_000);
});
