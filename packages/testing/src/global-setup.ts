import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  kcatAvailable,
  startEmbeddedPostgres,
  startKafkaMock,
  type RunningKafkaMock,
  type RunningPostgres,
} from '@sc/local-infra';

/**
 * One PostgreSQL cluster and one Kafka-protocol broker for the whole run.
 * Test files create their own databases and topic prefixes on them.
 *
 * TEST_PG_ADMIN_URL / TEST_KAFKA_BROKERS point the run at servers that are
 * already running (e.g. another PostgreSQL version, a real Kafka) instead.
 * Nothing here ever skips: a missing broker or database fails the run.
 */
declare global {
  var __SC_INFRA__: { pg?: RunningPostgres; kafka?: RunningKafkaMock } | undefined;
}

export default async function globalSetup(): Promise<void> {
  const infra: NonNullable<typeof globalThis.__SC_INFRA__> = {};
  globalThis.__SC_INFRA__ = infra;
  if (!process.env.TEST_PG_ADMIN_URL) {
    const dir = mkdtempSync(join(tmpdir(), 'sc-test-pg-'));
    chmodSync(dir, 0o755); // as root the server runs as another user, who must reach it
    infra.pg = await startEmbeddedPostgres({ dataDir: join(dir, 'data'), persistent: false, fast: true });
    process.env.TEST_PG_ADMIN_URL = infra.pg.url('postgres');
  }
  if (!process.env.TEST_KAFKA_BROKERS) {
    if (!kcatAvailable()) {
      throw new Error(
        'integration tests need a Kafka-protocol broker: install kcat (apt-get install -y kcat) or set TEST_KAFKA_BROKERS',
      );
    }
    infra.kafka = await startKafkaMock(3);
    process.env.TEST_KAFKA_BROKERS = infra.kafka.brokers.join(',');
    process.env.TEST_KAFKA_MOCK = 'true';
  }
}
