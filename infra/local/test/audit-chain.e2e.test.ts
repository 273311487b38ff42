import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createLogger } from '@sc/runtime';
import { createSocialServiceServer } from '@sc/social-service';
import { AuditSealer, verifyAuditChain } from '@sc/subgraph-kit';
import { query, serviceUnderTest, validSnils } from '@sc/testing';

const ROOT = join(__dirname, '..', '..', '..');
const run = promisify(execFile);

/**
 * The audit trail can be trusted: rows are sealed into a hash chain, and
 * `npm run audit -- verify` finds a changed row and a deleted one.
 */
describe('audit log hash chain and npm run audit -- verify', () => {
  const sut = serviceUnderTest({
    name: 'social-service',
    create: createSocialServiceServer,
    caller: { agency: 'SOCIAL_SERVICE' },
  });

  const verify = () =>
    run('npm', ['run', '-s', 'audit', '--', 'verify', '--service', 'social-service'], {
      cwd: ROOT,
      env: { ...process.env, SOCIAL_SERVICE_DATABASE_URL: sut.db },
    }).then(
      (r) => ({ code: 0, out: r.stdout.trim() }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout.trim() }),
    );

  it('seals every row, verifies intact, and names the first changed or missing position', async () => {
    for (const seed of [1, 2, 3])
      await sut.ok(
        `mutation($i: RegisterSocialServiceApplicationInput!) { registerSocialServiceApplication(input: $i) { id } }`,
        {
          i: {
            citizen: {
              snils: validSnils(8800 + seed),
              lastName: 'Журналова',
              firstName: 'Анна',
              birthDate: '1980-01-01',
            },
            needs: {
              socialHelp: true,
              psychologicalSupport: false,
              employmentHelp: false,
              vocationalTraining: false,
              financialLiteracy: false,
            },
            circumstances: [],
          },
        },
      );
    // Seal now rather than after the running sealer's settle time.
    const sealer = new AuditSealer(sut.db, createLogger('sealer', 'silent'));
    await sealer.sealOnce(0);
    await sealer.stop();
    const rows = await query(sut.db, `select id, chain_pos, operation from audit_log order by chain_pos`);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.map((r) => Number(r.chain_pos))).toEqual(rows.map((_, i) => i + 1));
    expect(await verify()).toEqual({ code: 0, out: expect.stringMatching(/^intact: \d+ sealed row\(s\)/) });

    await query(sut.db, `update audit_log set operation = 'nothing happened' where chain_pos = 2`);
    expect(await verify()).toEqual({ code: 1, out: `BROKEN at chain position 2 (audit row ${rows[1].id}): CHANGED` });
    // Read a page at a time, the walk finds the same break.
    expect((await verifyAuditChain(sut.db, 1)).broken).toEqual({
      chainPos: 2,
      id: String(rows[1].id),
      problem: 'CHANGED',
    });
    await query(sut.db, `update audit_log set operation = $1 where chain_pos = 2`, [rows[1].operation]);
    expect((await verify()).code).toBe(0);

    await query(sut.db, `delete from audit_log where chain_pos = 2`);
    expect(await verify()).toEqual({ code: 1, out: 'BROKEN at chain position 2: MISSING' });
  }, 60_000);
});
