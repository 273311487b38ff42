/**
 * Dead letters of one service:
 *   npm run dlq -- list    --service social-protection
 *   npm run dlq -- replay  --service social-protection [--id <uuid> ...]
 *   npm run dlq -- discard --service social-protection --id <uuid> [...]
 * The database is <SERVICE>_DATABASE_URL, or the embedded default's: the
 * running `npm start` cluster, or, when none answers, the same data directory
 * started for the length of the command.
 * A replay goes through the service's outbox: its running relay publishes it
 * to the original topic within OUTBOX_POLL_INTERVAL_MS.
 */
import { parseArgs } from 'node:util';
import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Agency } from '@sc/kernel';
import { EmbeddedPostgresError } from '@sc/local-infra';
import { discardDeadLetters, listDeadLetters, Outbox, replayDeadLetters } from '@sc/messaging';
import { serviceDatabase, SERVICES, type Service } from './service-database';

const AGENCY: Record<Service, Agency> = {
  'social-protection': 'SOCIAL_PROTECTION',
  employment: 'EMPLOYMENT',
  'social-service': 'SOCIAL_SERVICE',
};

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { service: { type: 'string' }, id: { type: 'string', multiple: true } },
  });
  const cmd = positionals[0];
  const service = values.service as Service;
  if (!['list', 'replay', 'discard'].includes(cmd ?? '') || !SERVICES.includes(service)) {
    fail(`usage: npm run dlq -- list|replay|discard --service ${SERVICES.join('|')} [--id <uuid> ...]`);
  }
  if (cmd === 'discard' && !values.id?.length) fail('discard needs at least one --id');
  const { url, pg } = await serviceDatabase(service);
  const orm = await MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: url,
    entities: [],
    discovery: { warnWhenNoEntities: false },
    allowGlobalContext: false,
  });
  try {
    const em = orm.em.fork();
    if (cmd === 'list') {
      const rows = await listDeadLetters(em);
      if (rows.length === 0) console.log('no pending dead letters');
      for (const r of rows) {
        // Raw rows carry timestamps as the driver returns them (a string here), not Date.
        const at = new Date(r.created_at).toISOString();
        console.log(
          `${r.id}  ${at}  ${r.type ?? '?'}  ${r.topic}/${r.partition}@${r.offset}  ${r.error_code}: ${r.error}`,
        );
      }
    } else if (cmd === 'replay') {
      const n = await replayDeadLetters(
        em,
        new Outbox(AGENCY[service], process.env.KAFKA_TOPIC_PREFIX ?? ''),
        values.id,
      );
      console.log(`${n} dead letter(s) queued for republishing`);
    } else {
      console.log(`${await discardDeadLetters(em, values.id!)} dead letter(s) discarded`);
    }
  } finally {
    await orm.close(true);
    await pg?.stop();
  }
}

function fail(msg: string): never {
  console.error(msg);
  process.exit(2);
}

void main().catch((e) => {
  if (e instanceof EmbeddedPostgresError) console.error(`npm run dlq: ${e.message}`);
  else if ((e as { code?: string }).code === '3D000')
    console.error('npm run dlq: this service has no database yet: run npm start once');
  else console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
