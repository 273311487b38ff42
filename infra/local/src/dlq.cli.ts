/**
 * Dead letters of one service:
 *   npm run dlq -- list    --service social-protection
 *   npm run dlq -- replay  --service social-protection [--id <uuid> ...]
 *   npm run dlq -- discard --service social-protection --id <uuid> [...]
 * The database is <SERVICE>_DATABASE_URL, or the embedded default's.
 * A replay goes through the service's outbox: its running relay publishes it
 * to the original topic within OUTBOX_POLL_INTERVAL_MS.
 */
import { parseArgs } from 'node:util';
import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Agency } from '@sc/kernel';
import { discardDeadLetters, listDeadLetters, Outbox, replayDeadLetters } from '@sc/messaging';
import { SERVICE_NAMES, type ServiceName } from './stack';

const AGENCY: Record<ServiceName, Agency> = { 'social-protection': 'SOCIAL_PROTECTION', employment: 'EMPLOYMENT', 'social-service': 'SOCIAL_SERVICE' };

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { service: { type: 'string' }, id: { type: 'string', multiple: true } },
  });
  const cmd = positionals[0];
  const service = values.service as ServiceName;
  if (!['list', 'replay', 'discard'].includes(cmd ?? '') || !SERVICE_NAMES.includes(service)) {
    fail(`usage: npm run dlq -- list|replay|discard --service ${SERVICE_NAMES.join('|')} [--id <uuid> ...]`);
  }
  if (cmd === 'discard' && !values.id?.length) fail('discard needs at least one --id');
  const env = `${service.toUpperCase().replace(/-/g, '_')}_DATABASE_URL`;
  const url = process.env[env] ?? `postgres://postgres:postgres@127.0.0.1:${process.env.EMBEDDED_PG_PORT ?? 54329}/${service.replace(/-/g, '_')}`;
  const orm = await MikroORM.init({ driver: PostgreSqlDriver, clientUrl: url, entities: [], discovery: { warnWhenNoEntities: false }, allowGlobalContext: false });
  try {
    const em = orm.em.fork();
    if (cmd === 'list') {
      const rows = await listDeadLetters(em);
      if (rows.length === 0) console.log('no pending dead letters');
      for (const r of rows) console.log(`${r.id}  ${r.created_at.toISOString()}  ${r.type ?? '?'}  ${r.topic}/${r.partition}@${r.offset}  ${r.error_code}: ${r.error}`);
    } else if (cmd === 'replay') {
      const n = await replayDeadLetters(em, new Outbox(AGENCY[service], process.env.KAFKA_TOPIC_PREFIX ?? ''), values.id);
      console.log(`${n} dead letter(s) queued for republishing`);
    } else {
      console.log(`${await discardDeadLetters(em, values.id!)} dead letter(s) discarded`);
    }
  } finally {
    await orm.close(true);
  }
}

function fail(msg: string): never {
  console.error(msg);
  process.exit(2);
}

void main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
