import { Client } from 'pg';
import { ensureDatabase, type RunningPostgres } from '@sc/local-infra';
import { InProcessBus, KafkaBus, MESSAGING_TABLES_V1, OutboxRelay, type MessageBus } from '@sc/messaging';
import type { KafkaEnv } from '@sc/subgraph-kit';
import { f1, SILENT } from './bench-common';
import type { BenchResults } from './bench-results';
import { sleep } from '@sc/kernel';

const N_RELAY = Number(process.env.BENCH_RELAY_MESSAGES ?? 20000);

/** 2. Outbox relay throughput: pre-filled outbox rows published to the broker and to the in-process bus. */
export async function benchRelay(
  pg: RunningPostgres,
  kafka: KafkaEnv | null,
  results: BenchResults,
  repeats: number,
): Promise<string[]> {
  if (N_RELAY === 0) return [];
  const silent = SILENT;
  // ── 2. relay throughput ──────────────────────────────────────────────────
  let relayRuns = 0;
  const relayRun = async (label: string, bus: MessageBus) => {
    const db = `bench_relay_${label.replace(/\W/g, '')}_${++relayRuns}`;
    await ensureDatabase(pg.url('postgres'), db);
    const c = new Client({ connectionString: pg.url(db) });
    await c.connect();
    for (const sql of MESSAGING_TABLES_V1) await c.query(sql);
    await c.query(
      `insert into outbox_message (id, topic, key, type, headers, payload)
       select gen_random_uuid(), 'bench.relay.v1', 'citizen-' || (g % 500), 'bench.v1',
              jsonb_build_object('ce_id', gen_random_uuid()::text, 'ce_type', 'bench.v1'), repeat('x', 400)
       from generate_series(1, $1) g`,
      [N_RELAY],
    );
    const relay = new OutboxRelay({
      connectionString: pg.url(db),
      bus,
      logger: silent,
      batchSize: 500,
      idlePollMs: 50,
      standbyPollMs: 50,
      backoff: { initialMs: 50, maxMs: 1000, factor: 2 },
      retentionMs: 3600_000,
    });
    const start = performance.now();
    relay.start();
    while (relay.stats.published < N_RELAY) await sleep(5);
    const s = (performance.now() - start) / 1000;
    await relay.stop();
    const left = Number(
      (await c.query('select count(*) from outbox_message where published_at is null')).rows[0].count,
    );
    await c.end();
    return { rate: N_RELAY / s, left };
  };
  const relayOut: string[] = [''];
  relayOut.push(`2. outbox relay: ${N_RELAY} messages of 400 bytes, batches of 500, side by side`);
  let kafkaRate = 0;
  if (kafka) {
    const kb = new KafkaBus({ ...kafka, clientId: 'bench-relay', logger: silent });
    let k = { rate: 0, left: 0 };
    for (let i = 0; i < repeats; i++) {
      k = await relayRun('kafka', kb);
      results.add('relay.broker', 'msg/s', 'higher', k.rate);
    }
    await kb.close();
    kafkaRate = k.rate;
    relayOut.push(
      `   to the Kafka-protocol broker (acks = all)   ${f1(k.rate).padStart(9)} msg/s   unpublished after: ${k.left}   (goal ≥ 2,000 msg/s)`,
    );
  }
  let ip = { rate: 0, left: 0 };
  for (let i = 0; i < repeats; i++) {
    ip = await relayRun('inprocess', new InProcessBus());
    results.add('relay.in-process', 'msg/s', 'higher', ip.rate);
  }
  relayOut.push(
    `   to the in-process bus                       ${f1(ip.rate).padStart(9)} msg/s   unpublished after: ${ip.left}`,
  );
  if (kafkaRate) relayOut.push(`   broker / in-process ×${(kafkaRate / ip.rate).toFixed(2)}`);
  relayOut.push(`   over ${repeats} runs: broker ${results.spread('relay.broker')}`);
  return relayOut;
}
