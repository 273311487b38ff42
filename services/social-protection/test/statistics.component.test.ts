import { ManualClock } from '@sc/kernel';
import {
  casesOfCell,
  countersAndSources,
  query,
  seededRandom,
  serviceUnderTest,
  TEST_NEEDS,
  tokenFor,
  validSnils,
} from '@sc/testing';
import { createSocialProtectionServer } from '../src/server';
import { agreeProgramme } from './programme-agreement';
import { SOCIAL_PROTECTION_STAT_SOURCES } from '../src/statistics/adapters/statistics.sql';

/**
 * ЦСПН's statistics (issue 11): counters kept by the same transaction as each
 * change equal a plain GROUP BY over the source tables after a randomized run
 * of the use cases; the query answers them by territory and month with small
 * counts hidden from analysts and the ministry, shown to the district's HEAD.
 */
const clock = new ManualClock('2026-11-23T03:00:00Z');
const at = (d: string) => clock.set(`${d}T03:00:00Z`);
const IRKUTSK = '25701000';
const BAYANDAY = '25607000';

const STATS = `query($t: String!, $from: String!, $to: String!, $by: [StatisticsAxis!]!) {
  statistics(territory: $t, from: $from, to: $to, by: $by) {
    territory period level territoryName
    socialProtection {
      applicationsByChannel { total { count suppressed } by { key count suppressed } }
      applicationOutcomes { total { count } by { key count suppressed } }
      decisionsInTime { total { count } by { key count share } }
      rejectionsByReason { total { count } by { key count } }
      contractsConcluded { total { count suppressed } by { key count } }
      activeContractsAtEnd { total { count } }
      paymentsMade { total { count amountKopecks } }
      terminationsByGround { total { count } by { key count } }
      repayments { by { key count amountKopecks } }
      commissionDecisions { total { count } by { key count } }
    }
  } }`;

describe('ЦСПН statistics (component, real PostgreSQL)', () => {
  const sut = serviceUnderTest({
    name: 'social-protection',
    create: createSocialProtectionServer,
    clock,
    caller: { agency: 'SOCIAL_PROTECTION', roles: ['SPECIALIST'], subject: 'spec-irk' },
  });
  const { ok, call } = sut;
  const tokens: Record<string, { spec: string; head: string; member: string }> = {};
  let analyst: string;
  let regionHead: string;

  beforeAll(async () => {
    for (const t of [IRKUTSK, BAYANDAY])
      tokens[t] = {
        spec: await tokenFor('SOCIAL_PROTECTION', ['SPECIALIST'], `spec-${t}`, t),
        head: await tokenFor('SOCIAL_PROTECTION', ['HEAD'], `head-${t}`, t),
        member: await tokenFor('SOCIAL_PROTECTION', ['COMMISSION_MEMBER'], `mvk-${t}`, t),
      };
    analyst = await tokenFor('MINISTRY', ['ANALYST'], 'analyst-1', '25');
    regionHead = await tokenFor('SOCIAL_PROTECTION', ['HEAD'], 'region-head', '25000000');
  });

  /** One citizen's random walk from an application as far as chance takes it. */
  async function walk(seed: number, r: ReturnType<typeof seededRandom>): Promise<void> {
    const territory = r.pick([IRKUTSK, IRKUTSK, BAYANDAY]);
    const tk = tokens[territory]!;
    at('2026-11-23');
    const income = r.chance(0.25) ? 9_000_000 : 1_000_000; // high income → refused on the means test
    const app = (
      await ok(
        `mutation($i: SubmitScApplicationInput!) { submitScApplication(input: $i) { id } }`,
        {
          i: {
            citizen: {
              snils: validSnils(seed),
              lastName: 'Случайная',
              firstName: `Анна${seed}`,
              birthDate: '1990-01-01',
            },
            zone: 'WHOLE_REGION',
            needs: TEST_NEEDS,
            household: [
              {
                relation: 'APPLICANT',
                fullName: `Случайная Анна${seed}`,
                birthDate: '1990-01-01',
                incomes: ['2026-07', '2026-08', '2026-09'].map((month) => ({
                  month,
                  kind: 'WAGES',
                  amountKopecks: income,
                })),
              },
            ],
          },
        },
        tk.spec,
      )
    ).submitScApplication;
    if (r.chance(0.1)) {
      await ok(
        `mutation($id: ID!) { withdrawScApplication(input: { applicationId: $id }) { id } }`,
        { id: app.id },
        tk.spec,
      );
      return;
    }
    const extra = r.chance(0.2);
    if (r.chance(0.15)) at('2026-12-09'); // a late decision (after the 10-day limit)
    const tested = (
      await ok(
        `mutation($i: RunMeansTestInput!) { runMeansTest(input: $i) { status } }`,
        { i: { applicationId: app.id, extraCheck: extra } },
        tk.spec,
      )
    ).runMeansTest;
    if (tested.status === 'REJECTED') return;
    if (extra) {
      const eligible = r.chance(0.6);
      const d = (
        await ok(
          `mutation($i: DecideExtraCheckInput!) { decideExtraCheck(input: $i) { status } }`,
          { i: { applicationId: app.id, eligible, reason: eligible ? null : 'сведения не подтверждены' } },
          tk.spec,
        )
      ).decideExtraCheck;
      if (d.status === 'REJECTED') return;
    }
    at('2026-11-23');
    await ok(
      `mutation($i: RecordHomeSurveyInput!) { recordHomeSurvey(input: $i) { status } }`,
      {
        i: {
          applicationId: app.id,
          surveyDate: '2026-11-23',
          address: 'адрес',
          livingConditions: 'квартира',
          interviewNotes: 'мотивирована',
          conclusion: 'нуждается',
        },
      },
      tk.spec,
    );
    if (r.chance(0.1)) return; // left in drafting
    const p = (
      await ok(
        `mutation($i: DraftAdaptationProgrammeInput!) { draftAdaptationProgramme(input: $i) { id } }`,
        {
          i: {
            applicationId: app.id,
            direction: 'JOB_SEARCH',
            termMonths: 9,
            plannedStart: '2026-12-01',
            activities: [
              {
                kind: 'VOCATIONAL_TRAINING',
                description: 'Повар',
                responsibleAgency: 'EMPLOYMENT',
                startDate: '2026-12-10',
                dueDate: '2027-03-31',
                costKopecks: 2_000_000,
              },
            ],
            includeFinancialLiteracy: false,
          },
        },
        tk.spec,
      )
    ).draftAdaptationProgramme;
    await agreeProgramme(sut, p.id, tk.spec);
    await ok(
      `mutation($id: ID!) { submitProgrammeToCommission(input: { programmeId: $id }) { status } }`,
      { id: p.id },
      tk.spec,
    );
    const m = (
      await ok(
        `mutation($i: ScheduleCommissionMeetingInput!) { scheduleCommissionMeeting(input: $i) { id } }`,
        {
          i: {
            meetingDate: '2026-11-23',
            members: [{ name: 'Председатель', agency: 'SOCIAL_PROTECTION', role: 'CHAIR' }],
          },
        },
        tk.spec,
      )
    ).scheduleCommissionMeeting;
    const decision = r.pick(['APPROVE', 'APPROVE', 'APPROVE', 'REFUSE', 'RETURN_FOR_REWORK']);
    await ok(
      `mutation($i: RecordCommissionDecisionInput!) { recordCommissionDecision(input: $i) { id } }`,
      { i: { meetingId: m.id, programmeId: p.id, decision, reasons: decision === 'APPROVE' ? null : 'нереалистично' } },
      tk.member,
    );
    if (r.chance(0.7))
      await ok(
        `mutation($i: CloseCommissionMeetingInput!) { closeCommissionMeeting(input: $i) { id } }`,
        { i: { meetingId: m.id, attended: ['Председатель'] } },
        tk.member,
      );
    if (decision !== 'APPROVE') return;
    at('2026-11-30');
    const c = (
      await ok(
        `mutation($i: ConcludeSocialContractInput!) { concludeSocialContract(input: $i) { id } }`,
        { i: { applicationId: app.id, signedOn: '2026-11-30' } },
        tk.spec,
      )
    ).concludeSocialContract;
    if (r.chance(0.3)) return;
    await ok(
      `mutation($i: RecordPaymentInput!) { recordContractPayment(input: $i) { status } }`,
      { i: { contractId: c.id, paymentNo: 1, paidOn: '2026-12-01' } },
      tk.spec,
    );
    if (r.chance(0.5)) return;
    at('2027-01-15');
    const ground = r.pick(['MISUSE_OF_FUNDS', 'OWN_REQUEST', 'MOVED_OUT_OF_REGION']);
    await ok(
      `mutation($i: TerminateSocialContractInput!) { terminateSocialContract(input: $i) { status } }`,
      { i: { contractId: c.id, ground } },
      tk.head,
    );
    if (ground === 'MISUSE_OF_FUNDS' && r.chance(0.5)) {
      at('2027-02-01');
      await ok(
        `mutation($i: ContractDateInput!) { recordRepayment(input: $i) { status } }`,
        { i: { contractId: c.id, date: '2027-02-01' } },
        tk.head,
      );
    }
  }

  it('after a randomized run of the use cases, every counter equals a plain GROUP BY over the source tables', async () => {
    const r = seededRandom(Number(process.env.STAT_SEED ?? 20261130));
    for (let n = 0; n < Number(process.env.STAT_CITIZENS ?? 30); n++) await walk(7000 + n, r);
    const { live, plain, indicators } = await countersAndSources(sut.db, Object.keys(SOCIAL_PROTECTION_STAT_SOURCES));
    expect(live).toEqual(plain);
    // the run exercised what it should (otherwise equality proves little)
    for (const i of ['APPLICATIONS', 'DECISIONS', 'REJECTIONS', 'CONTRACTS_CONCLUDED', 'COMMISSION_DECISIONS'])
      expect(indicators).toContain(i);
  });

  it('the query answers what the source tables hold, by month and district (a HEAD of the region sees it unsuppressed)', async () => {
    const rows = (await ok(STATS, { t: '25', from: '2026-11', to: '2026-12', by: ['MONTH', 'TERRITORY'] }, regionHead))
      .statistics;
    const cell = (t: string, p: string) => rows.find((x: any) => x.territory === t && x.period === p).socialProtection;
    expect(rows.find((x: any) => x.territory === '25000000' && x.period === '2026-11')).toMatchObject({
      level: 'REGION',
      territoryName: expect.any(String),
    });
    for (const t of ['25000000', IRKUTSK, BAYANDAY]) {
      const like = casesOfCell(t);
      const [apps] = await query(
        sut.db,
        `select count(*)::int as n from sc_application where territory like $1 and to_char(submitted_at at time zone 'UTC', 'YYYY-MM') = '2026-11'`,
        [like],
      );
      expect(cell(t, '2026-11').applicationsByChannel.total).toEqual({ count: apps.n, suppressed: false });
      const [contracts] = await query(
        sut.db,
        `select count(*)::int as n from social_contract where territory like $1 and signed_on between '2026-11-01' and '2026-11-30'`,
        [like],
      );
      expect(cell(t, '2026-11').contractsConcluded.total.count).toBe(contracts.n);
      // in force at the end of December: signed by then, not terminated by then (terminations come in January)
      expect(cell(t, '2026-12').activeContractsAtEnd.total.count).toBe(contracts.n);
      const [paid] = await query(
        sut.db,
        `select count(*)::int as n, coalesce(sum((p ->> 'amountKopecks')::bigint), 0)::text as sum
           from social_contract c, jsonb_array_elements(c.payments) p
          where c.territory like $1 and p ->> 'status' = 'PAID' and p ->> 'paidOn' like '2026-12%'`,
        [like],
      );
      expect(cell(t, '2026-12').paymentsMade.total).toEqual({ count: paid.n, amountKopecks: Number(paid.sum) });
    }
    const [rejected] = await query(sut.db, `select count(*)::int as n from sc_application where status = 'REJECTED'`);
    const decisions = rows.filter((x: any) => x.territory === '25000000');
    const sum = (f: (s: any) => number) => decisions.reduce((s: number, x: any) => s + f(x.socialProtection), 0);
    expect(sum((s) => s.rejectionsByReason.total.count)).toBe(rejected.n);
  });

  it('the compact `all` record holds the same numbers as the typed fields, zeros left out', async () => {
    const rows = (
      await ok(
        `query { statistics(territory: "25", from: "2026-11", to: "2026-12", by: [MONTH, TERRITORY]) {
          territory period socialProtection { all
            applicationsByChannel { total { count } by { key count } }
            paymentsMade { total { count } by { key count } } } } }`,
        {},
        analyst,
      )
    ).statistics;
    for (const row of rows)
      for (const field of ['applicationsByChannel', 'paymentsMade']) {
        const typed = row.socialProtection[field];
        const compact = row.socialProtection.all[field];
        expect(compact.total).toBe(typed.total.count);
        expect(compact.by).toEqual(
          Object.fromEntries(
            typed.by.filter((v: { count: number | null }) => v.count !== 0).map((v: any) => [v.key, v.count]),
          ),
        );
      }
  });

  it('a quarter, a year and a range add up their months; the stock is taken at the end of the period', async () => {
    const q = (from: string, to: string, by: string[]) =>
      ok(STATS, { t: '25', from, to, by }, regionHead).then((d) => d.statistics);
    const months = await q('2026-10', '2027-03', ['MONTH']);
    const [quarter] = (await q('2026-Q4', '2026-Q4', ['QUARTER'])) as any[];
    const total = (rows: any[], f: (s: any) => number) => rows.reduce((s, x) => s + f(x.socialProtection), 0);
    const oct_dec = months.filter((m: any) => m.period <= '2026-12');
    expect(quarter.period).toBe('2026-Q4');
    expect(quarter.socialProtection.applicationsByChannel.total.count).toBe(
      total(oct_dec, (s) => s.applicationsByChannel.total.count),
    );
    const [range] = (await q('2026-10', '2027-03', [])) as any[];
    expect(range.period).toBe('2026-10/2027-03');
    expect(range.socialProtection.terminationsByGround.total.count).toBe(
      total(months, (s) => s.terminationsByGround.total.count),
    );
    const march = months.find((m: any) => m.period === '2027-03').socialProtection;
    expect(range.socialProtection.activeContractsAtEnd.total.count).toBe(march.activeContractsAtEnd.total.count);
  });

  it('hides district counts of 1–4 from a ministry analyst, with a second cell where the region total would reveal it; never the region', async () => {
    // Баяндаевский district: a handful of applications at most (one in three walks)
    const rows = (await ok(STATS, { t: '25', from: '2026-11', to: '2026-11', by: ['TERRITORY'] }, analyst)).statistics;
    const of = (t: string) => rows.find((x: any) => x.territory === t).socialProtection;
    const [bay] = await query(sut.db, `select count(*)::int as n from sc_application where territory = $1`, [BAYANDAY]);
    const [irk] = await query(sut.db, `select count(*)::int as n from sc_application where territory = $1`, [IRKUTSK]);
    const region = of('25000000').applicationsByChannel.total;
    expect(region).toEqual({ count: bay.n + irk.n, suppressed: false });
    if (bay.n >= 1 && bay.n <= 4) {
      expect(of(BAYANDAY).applicationsByChannel.total).toEqual({ count: null, suppressed: true });
      // Иркутск alone would give it away (region − Иркутск): hidden too
      expect(of(IRKUTSK).applicationsByChannel.total).toEqual({ count: null, suppressed: true });
    } else expect(of(BAYANDAY).applicationsByChannel.total.suppressed).toBe(false);
    // every line of a district's breakdown has zero or at least two hidden cells
    for (const t of [IRKUTSK, BAYANDAY]) {
      const ind = of(t).applicationOutcomes;
      const hidden = [ind.total, ...ind.by].filter((v: any) => v.suppressed).length;
      expect(hidden).not.toBe(1);
      for (const v of ind.by) if (!v.suppressed) expect(v.count === 0 || v.count >= 5).toBe(true);
    }
    // the district's HEAD sees its own figures as they are
    const own = (await ok(STATS, { t: BAYANDAY, from: '2026-11', to: '2026-11', by: [] }, tokens[BAYANDAY]!.head))
      .statistics;
    expect(own[0].socialProtection.applicationsByChannel.total).toEqual({ count: bay.n, suppressed: false });
  });

  it('refuses bad arguments naming the argument and the rule, a territory outside the caller’s, and non-readers', async () => {
    const refusal = async (vars: Record<string, unknown>, token = analyst) => {
      const res = await call(STATS, { t: '25', from: '2026-01', to: '2026-12', by: ['MONTH'], ...vars }, token);
      return res.errors?.[0]?.extensions;
    };
    expect(await refusal({ t: '25999000' })).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'TERRITORY_UNKNOWN' });
    expect(await refusal({ t: '2570' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'territory',
      rule: 'OKTMO_FORMAT',
    });
    expect(await refusal({ from: '2026-13' })).toMatchObject({ field: 'from', rule: 'PERIOD_FORMAT' });
    expect(await refusal({ from: '2026-06', to: '2026-01' })).toMatchObject({ field: 'from', rule: 'PERIOD_ORDER' });
    expect(await refusal({ from: '2020-01', to: '2026-01' })).toMatchObject({ field: 'to', rule: 'PERIOD_TOO_LONG' });
    expect(await refusal({ by: ['MONTH', 'YEAR'] })).toMatchObject({ field: 'by', rule: 'ONE_TIME_AXIS' });
    expect(await refusal({ t: IRKUTSK }, tokens[BAYANDAY]!.head)).toMatchObject({
      code: 'FORBIDDEN',
      rule: 'TERRITORY',
    });
    expect(await refusal({}, tokens[IRKUTSK]!.spec)).toMatchObject({ code: 'FORBIDDEN', rule: 'ACCESS_POLICY' });
  });

  it('an analyst gets statistics only: every per-person query is FORBIDDEN', async () => {
    const [app] = await query(sut.db, `select id, citizen_id from sc_application limit 1`);
    for (const [q, v] of [
      [`query($id: ID!) { scApplication(id: $id) { id } }`, { id: app.id }],
      [`query { scApplications(first: 5) { totalCount } }`, {}],
      [`query { socialContracts(first: 5) { totalCount } }`, {}],
      [`query($id: ID!) { citizen(id: $id) { id socialProtectionProfile { lastName } } }`, { id: app.citizen_id }],
      [`query { socialProtectionCitizenSearch(text: "Случайная") { score } }`, {}],
    ] as const) {
      const res = await call(q, v, analyst);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});
