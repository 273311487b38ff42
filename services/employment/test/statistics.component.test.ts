import { ManualClock } from '@sc/kernel';
import {
  casesOfCell,
  countersAndSources,
  query,
  seededRandom,
  serviceUnderTest,
  statisticsCellsOf,
  TEST_NEEDS,
  tokenFor,
  validSnils,
} from '@sc/testing';
import { createEmploymentServer } from '../src/server';
import { EMPLOYMENT_STAT_SOURCES } from '../src/statistics/adapters/statistics.sql';

/**
 * ЦЗН's statistics (issue 11): after a randomized run of the job-seeker use
 * cases (registration by channel, profiling, employment, deregistration, a
 * referral to ЦСПН) in two districts, every counter equals a plain GROUP BY
 * over the source tables, and a cell answers what the tables hold.
 */
const clock = new ManualClock('2026-11-02T03:00:00Z');
const IRKUTSK = '25701000';
const BAYANDAY = '25607000';

describe('ЦЗН statistics (component, real PostgreSQL)', () => {
  const sut = serviceUnderTest({
    name: 'employment',
    create: createEmploymentServer,
    clock,
    caller: { agency: 'EMPLOYMENT', roles: ['SPECIALIST'], subject: 'czn-stat' },
  });
  const { ok } = sut;
  const spec: Record<string, string> = {};
  let head: string;

  beforeAll(async () => {
    for (const t of [IRKUTSK, BAYANDAY]) spec[t] = await tokenFor('EMPLOYMENT', ['SPECIALIST'], `czn-${t}`, t);
    head = await tokenFor('EMPLOYMENT', ['HEAD'], 'czn-region-head', '25000000');
  });

  async function walk(n: number, r: ReturnType<typeof seededRandom>): Promise<void> {
    const token = spec[r.pick([IRKUTSK, IRKUTSK, BAYANDAY])]!;
    const day = `2026-11-${String(r.int(2, 20)).padStart(2, '0')}`;
    clock.set(`${day}T03:00:00Z`);
    const reg = (
      await ok(
        `mutation($i: RegisterJobSeekerInput!) { registerJobSeeker(input: $i) { id } }`,
        {
          i: {
            citizen: { snils: validSnils(9800 + n), lastName: 'Ищущая', firstName: `Ия${n}`, birthDate: '1985-05-05' },
            status: r.pick(['JOB_SEEKER', 'UNEMPLOYED']),
            channel: r.pick(['WALK_IN', 'WORK_IN_RUSSIA', 'EPGU']),
            needs: TEST_NEEDS,
            education: 'SECONDARY_GENERAL',
            experienceYears: r.int(0, 20),
          },
        },
        token,
      )
    ).registerJobSeeker;
    if (r.chance(0.6))
      await ok(
        `mutation($i: RecordProfilingInput!) { recordProfiling(input: $i) { id } }`,
        { i: { registrationId: reg.id, profiledOn: day, result: r.pick(['READY_FOR_WORK', 'NEEDS_TRAINING']) } },
        token,
      );
    if (r.chance(0.3))
      await ok(
        `mutation($i: ReferJobSeekerForSocialContractInput!) { referJobSeekerForSocialContract(input: $i) { id } }`,
        { i: { registrationId: reg.id, basis: 'LOW_INCOME' } },
        token,
      );
    const end = r.pick(['STAYS', 'STAYS', 'EMPLOYED', 'DEREGISTERED']);
    if (end === 'EMPLOYED')
      await ok(
        `mutation($i: ConfirmEmploymentInput!) { confirmEmployment(input: $i) { status } }`,
        {
          i: {
            registrationId: reg.id,
            employerInn: '500100732259',
            contractDate: day,
            position: 'оператор',
            wageKopecks: 4_500_000,
          },
        },
        token,
      );
    if (end === 'DEREGISTERED')
      await ok(
        `mutation($i: DeregisterJobSeekerInput!) { deregisterJobSeeker(input: $i) { status } }`,
        { i: { registrationId: reg.id, reason: 'не явился' } },
        token,
      );
  }

  it('after a randomized run, every counter equals a plain GROUP BY, and a cell answers what the tables hold', async () => {
    const r = seededRandom(Number(process.env.STAT_SEED ?? 20261130));
    for (let n = 0; n < Number(process.env.STAT_CITIZENS ?? 30); n++) await walk(n, r);
    const { live, plain, indicators } = await countersAndSources(sut.db, Object.keys(EMPLOYMENT_STAT_SOURCES));
    expect(live).toEqual(plain);
    for (const i of ['REGISTRATIONS', 'REPROFILING_DUE', 'EMPLOYED', 'REFERRALS_SENT']) expect(indicators).toContain(i);
    const cells = await statisticsCellsOf(
      ok,
      head,
      `employment {
          registrationsByChannel { total { count } }
          employed { total { count } }
          referralsSent { total { count } } }`,
      ['25000000', IRKUTSK, BAYANDAY],
      '2026-11',
    );
    for (const cell of cells) {
      const like = casesOfCell(cell.territory);
      const [regs] = await query(
        sut.db,
        `select count(*)::int as n, count(*) filter (where status = 'EMPLOYED')::int as employed
           from job_seeker_registration where territory like $1`,
        [like],
      );
      const [sent] = await query(sut.db, `select count(*)::int as n from outgoing_referral where territory like $1`, [
        like,
      ]);
      expect(cell.employment.registrationsByChannel.total.count).toBe(regs.n);
      expect(cell.employment.employed.total.count).toBe(regs.employed);
      expect(cell.employment.referralsSent.total.count).toBe(sent.n);
    }
  });
});
