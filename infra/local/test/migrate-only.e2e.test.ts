import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createTestDatabase, query } from '@sc/testing';
import { NODE_FLAGS } from '../src/supervisor';

const ROOT = join(__dirname, '..', '..', '..');

async function migrateOnly(db: string): Promise<{ code: number; out: string }> {
  const child = spawn(
    process.execPath,
    [...NODE_FLAGS, join(ROOT, 'services/employment/src/main.ts'), '--migrate-only'],
    {
      env: { ...process.env, EMPLOYMENT_DATABASE_URL: db, LOG_LEVEL: 'info', LOG_FORMAT: 'json' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const [code] = (await once(child, 'exit')) as [number];
  return { code, out };
}

/**
 * The migration step of a deployment (infra/k8s: an init container per pod)
 * is the service's own entry point with `--migrate-only`. Three pods rolling
 * out at once take turns on an advisory lock: each migration is applied once
 * and all three succeed.
 */
describe('main.ts --migrate-only (the deployment’s migration step)', () => {
  it('three at once on a fresh database: all succeed, each migration applied once, nothing listens', async () => {
    const db = await createTestDatabase('migrate');
    const runs = await Promise.all([migrateOnly(db), migrateOnly(db), migrateOnly(db)]);
    for (const r of runs)
      expect({ code: r.code, ready: /subgraph ready/.test(r.out) }).toEqual({ code: 0, ready: false });
    expect(runs.filter((r) => /"msg":"migrations applied"/.test(r.out))).toHaveLength(1);
    const rows = await query(db, 'select name, count(*)::int as n from mikro_orm_migrations group by name');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((r: { n: number }) => r.n === 1)).toBe(true);
  }, 120_000);
});
