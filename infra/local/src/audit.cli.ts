/**
 * The audit trail of one service:
 *   npm run audit -- verify --service social-protection
 * Recomputes the hash chain of audit_log (ARCHITECTURE.md, "Audit"): exit 0
 * when every sealed row is as it was written, 1 with the first broken
 * position otherwise. The database is found as `npm run dlq` finds it.
 */
import { parseArgs } from 'node:util';
import { EmbeddedPostgresError } from '@sc/local-infra';
import { verifyAuditChain } from '@sc/subgraph-kit';
import { serviceDatabase, SERVICES, type Service } from './service-database';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { service: { type: 'string' } } });
  const service = values.service as Service;
  if (positionals[0] !== 'verify' || !SERVICES.includes(service)) {
    console.error(`usage: npm run audit -- verify --service ${SERVICES.join('|')}`);
    return 2;
  }
  const { url, pg } = await serviceDatabase(service);
  try {
    const v = await verifyAuditChain(url);
    if (v.broken) {
      const where = v.broken.id ? ` (audit row ${v.broken.id})` : '';
      console.log(`BROKEN at chain position ${v.broken.chainPos}${where}: ${v.broken.problem}`);
      return 1;
    }
    console.log(`intact: ${v.sealed} sealed row(s), ${v.unsealed} awaiting their seal`);
    return 0;
  } finally {
    await pg?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(
      e instanceof EmbeddedPostgresError ? `npm run audit: ${e.message}` : e instanceof Error ? e.message : e,
    );
    process.exit(1);
  },
);
