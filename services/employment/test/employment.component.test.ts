import {
  contractConcludedForEmploymentV1,
  referralAcceptedV1,
  referralForEmploymentServicesV1,
  TOPICS,
} from '@sc/contracts';
import { deriveCitizenId, ManualClock, uuidv7 } from '@sc/kernel';
import { newEnvelope, toRecord } from '@sc/messaging';
import { DEV_CITIZEN_ID_SECRET } from '@sc/subgraph-kit';
import {
  count,
  eventually,
  gql,
  query,
  TEST_TERRITORY,
  tokenFor,
  validSnils,
  serviceUnderTest,
  countersAndSources,
  runJob,
  deadlineNotices,
} from '@sc/testing';
import { createEmploymentServer } from '../src/server';
import { EMPLOYMENT_STAT_SOURCES } from '../src/statistics/adapters/statistics.sql';

/** ЦЗН on its own: real PostgreSQL and the Kafka-protocol broker; M1/M2 delivered as ЦСПН sends them, M3/M4 read from the outbox. */
const clock = new ManualClock('2026-12-01T03:00:00Z');
const at = (d: string) => clock.set(`${d}T03:00:00Z`);
const needs = {
  socialHelp: false,
  psychologicalSupport: true,
  employmentHelp: true,
  vocationalTraining: true,
  financialLiteracy: false,
};
const person = (seed: number) => ({
  snils: validSnils(seed),
  lastName: 'Волков',
  firstName: 'Пётр',
  birthDate: '1989-09-09',
});

describe('ЦЗН subgraph (component, real PostgreSQL and Kafka-protocol broker)', () => {
  const sut = serviceUnderTest({
    name: 'employment',
    create: createEmploymentServer,
    clock,
    caller: { agency: 'EMPLOYMENT', roles: ['SPECIALIST'], subject: 'czn-1' },
  });
  const { ok, refused } = sut;

  const m3 = async (citizenId: string) =>
    (
      await query(
        sut.db,
        `select payload from outbox_message where type = 'employment.service-event.v1' and key = $1 order by seq`,
        [citizenId],
      )
    ).map((r) => JSON.parse(r.payload));

  const REGISTER = `mutation($i: RegisterJobSeekerInput!) { registerJobSeeker(input: $i) { id status category channel citizen { id } } }`;
  const register = (seed: number) =>
    ok(REGISTER, {
      i: {
        citizen: person(seed),
        status: 'UNEMPLOYED',
        needs,
        education: 'SECONDARY_VOCATIONAL',
        profession: 'продавец',
        experienceYears: 4,
      },
    });

  const m2 = (seed: number, over: Record<string, unknown> = {}) => {
    const citizenId = deriveCitizenId(validSnils(seed), DEV_CITIZEN_ID_SECRET);
    return {
      contractId: uuidv7(),
      contractNumber: `СК-25-2026-${seed}`,
      citizenId,
      direction: 'JOB_SEARCH',
      startDate: '2026-12-01',
      endDate: '2027-08-31',
      person: person(seed),
      concludedAt: '2026-11-30T03:00:00.000Z',
      territory: TEST_TERRITORY,
      toAgency: 'EMPLOYMENT',
      fullPackageRequested: true,
      activities: [
        {
          activityId: uuidv7(),
          kind: 'JOB_SEEKER_REGISTRATION',
          description: 'Регистрация в ЦЗН',
          dueDate: '2027-01-01',
        },
        { activityId: uuidv7(), kind: 'VOCATIONAL_TRAINING', description: 'Обучение', dueDate: '2027-03-31' },
        { activityId: uuidv7(), kind: 'CAREER_GUIDANCE', description: 'Профориентация', dueDate: '2027-01-31' },
        { activityId: uuidv7(), kind: 'EMPLOYMENT', description: 'Трудоустройство', dueDate: '2027-06-30' },
      ],
      trainingNeeded: true,
      trainingCapKopecks: 3_000_000,
      ...over,
    };
  };
  const deliver = (type: string, d: { citizenId: string }, topic: string) =>
    sut.bus.publish([toRecord(`${sut.prefix}${topic}`, newEnvelope(type, 'SOCIAL_PROTECTION', d.citizenId, d))]);

  it('refuses a direct call without a token (HTTP 401 UNAUTHENTICATED)', async () => {
    const r = await gql(sut.url, '{ __typename }');
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('registers a citizen once at a time; bad input and other agencies are refused with nothing written', async () => {
    const r = (await register(501)).registerJobSeeker;
    expect(r).toMatchObject({ status: 'UNEMPLOYED', category: null, channel: 'WALK_IN' });
    const tables = ['job_seeker_registration', 'citizen'];
    const again = { i: { citizen: person(501), status: 'JOB_SEEKER', needs, education: 'HIGHER', experienceYears: 1 } };
    expect(await refused(REGISTER, again, sut.token, tables)).toMatchObject({
      code: 'CONFLICT',
      rule: 'ONE_ACTIVE_REGISTRATION',
    });
    expect(
      await refused(
        REGISTER,
        { i: { ...again.i, citizen: { ...person(502), snils: '112-233-445 96' } } },
        sut.token,
        tables,
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.citizen.snils', rule: 'SNILS_CHECKSUM' });
    expect(
      await refused(REGISTER, { i: { ...again.i, citizen: person(502), experienceYears: -1 } }, sut.token, tables),
    ).toMatchObject({ field: 'input.experienceYears', rule: 'RANGE' });
    expect(
      await refused(REGISTER, { i: { ...again.i, citizen: person(502) } }, await tokenFor('SOCIAL_SERVICE'), tables),
    ).toMatchObject({ code: 'FORBIDDEN' });
    // nothing is reported to ЦСПН for a citizen without a contract
    expect(await m3(r.citizen.id)).toEqual([]);
  });

  it('opens contract support from M2 once, however often it is delivered; a mismatched citizen key is dead-lettered', async () => {
    const d = m2(503);
    const env = newEnvelope(contractConcludedForEmploymentV1.type, 'SOCIAL_PROTECTION', d.citizenId, d);
    const topic = `${sut.prefix}${TOPICS.contracts}`;
    await sut.bus.publish([
      toRecord(topic, env),
      toRecord(topic, env),
      toRecord(topic, newEnvelope(contractConcludedForEmploymentV1.type, 'SOCIAL_PROTECTION', d.citizenId, d)),
    ]);
    await eventually(
      async () =>
        (await count(sut.db, 'inbox_message', `type = 'contract.concluded-for-employment.v1'`)) >= 2 &&
        (await count(sut.db, 'contract_support', 'id = $1', [d.contractId])) === 1,
    );
    const support = (
      await ok(
        `query($c: ID!) { citizen(id: $c) { contractSupport { id category petitionAcceptedOn trainingCapKopecks services { kind status } activities { kind } } } }`,
        { c: d.citizenId },
      )
    ).citizen.contractSupport;
    // The worklist of contract holders shows it, open contracts by default.
    const LIST = `query($o: Boolean) { contractSupportCases(openOnly: $o, first: 200) { totalCount edges { node { id } } } }`;
    const listed = (await ok(LIST, {})).contractSupportCases;
    expect(listed.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(d.contractId);
    expect((await ok(LIST, { o: false })).contractSupportCases.totalCount).toBeGreaterThanOrEqual(listed.totalCount);
    expect(support).toEqual([
      {
        id: d.contractId,
        category: 'LOW_INCOME_WITH_SOCIAL_CONTRACT',
        petitionAcceptedOn: '2026-12-01',
        trainingCapKopecks: 3_000_000,
        services: ['CAREER_GUIDANCE', 'SOCIAL_ADAPTATION', 'PSYCHOLOGICAL_SUPPORT'].map((kind) => ({
          kind,
          status: 'OPEN',
        })),
        activities: ['JOB_SEEKER_REGISTRATION', 'VOCATIONAL_TRAINING', 'CAREER_GUIDANCE', 'EMPLOYMENT'].map((kind) => ({
          kind,
        })),
      },
    ]);

    const bad = m2(504, { citizenId: deriveCitizenId(validSnils(505), DEV_CITIZEN_ID_SECRET) });
    await deliver(contractConcludedForEmploymentV1.type, bad, TOPICS.contracts);
    const [dead] = await eventually(async () => {
      const rows = await query(
        sut.db,
        `select error_code from dead_letter where type = 'contract.concluded-for-employment.v1'`,
      );
      return rows.length ? rows : undefined;
    });
    expect(dead.error_code).toBe('CITIZEN_KEY_MISMATCH');
    expect(await count(sut.db, 'contract_support', 'id = $1', [bad.contractId])).toBe(0);
  });

  it('serves a contract holder end to end and reports each step to ЦСПН (M3) against the contract and its activities', async () => {
    const d = m2(506);
    await deliver(contractConcludedForEmploymentV1.type, d, TOPICS.contracts);
    await eventually(async () => (await count(sut.db, 'contract_support', 'id = $1', [d.contractId])) === 1);
    const act = (k: string) => d.activities.find((a) => a.kind === k)!.activityId;

    const reg = (await register(506)).registerJobSeeker;
    expect(reg.category).toBe('LOW_INCOME_WITH_SOCIAL_CONTRACT');
    await ok(`mutation($i: RecordProfilingInput!) { recordProfiling(input: $i) { nextProfilingDue } }`, {
      i: { registrationId: reg.id, profiledOn: '2026-12-01', result: 'NEEDS_TRAINING' },
    });

    // plan: a step is completed only after it is started
    const plan = (
      await ok(
        `mutation($i: DraftEmploymentPlanInput!) { draftEmploymentPlan(input: $i) { id status steps { id } } }`,
        {
          i: {
            registrationId: reg.id,
            steps: [
              { kind: 'VACANCY_SEARCH', description: 'поиск вакансий', dueDate: '2026-12-20' },
              { kind: 'VOCATIONAL_TRAINING', description: 'обучение', dueDate: '2027-03-10' },
            ],
          },
        },
      )
    ).draftEmploymentPlan;
    await ok(`mutation($i: AgreeEmploymentPlanInput!) { agreeEmploymentPlan(input: $i) { status } }`, {
      i: { planId: plan.id, agreedOn: '2026-12-01' },
    });
    const move = `mutation($i: MovePlanStepInput!) { moveEmploymentPlanStep(input: $i) { steps { status } } }`;
    expect(
      await refused(
        move,
        { i: { planId: plan.id, stepId: plan.steps[0].id, action: 'COMPLETE', on: '2026-12-01' } },
        sut.token,
        ['employment_plan'],
      ),
    ).toMatchObject({ code: 'CONFLICT', currentState: 'PLANNED', attemptedAction: 'complete' });
    await ok(move, { i: { planId: plan.id, stepId: plan.steps[0].id, action: 'START', on: '2026-12-01' } });

    // training within the contract's cap, dates in order
    const refer = `mutation($i: ReferToTrainingInput!) { referToTraining(input: $i) { id status capKopecks contractId } }`;
    const training = {
      registrationId: reg.id,
      programme: 'Повар',
      provider: 'ГАПОУ ИТАТ',
      startDate: '2026-12-10',
      endDate: '2027-03-10',
      costKopecks: 2_800_000,
    };
    expect(
      await refused(refer, { i: { ...training, costKopecks: 3_000_001 } }, sut.token, ['training_referral']),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.costKopecks', rule: 'TRAINING_CAP' });
    expect(
      await refused(refer, { i: { ...training, endDate: '2026-12-09' } }, sut.token, ['training_referral']),
    ).toMatchObject({ field: 'input.endDate', rule: 'DATE_ORDER' });
    const t = (await ok(refer, { i: training })).referToTraining;
    expect(t).toMatchObject({ status: 'REFERRED', capKopecks: 3_000_000, contractId: d.contractId });
    at('2026-12-10');
    const OVERDUE = `{ employmentPlans(filter: { overdueSteps: true }) { totalCount edges { node { id } } } }`;
    const overduePlans = async () =>
      ((await ok(OVERDUE, {})).employmentPlans.edges as { node: { id: string } }[]).map((e) => e.node.id);
    expect(await overduePlans()).not.toContain(plan.id); // the started step is due on 2026-12-20
    expect((await ok(`{ employmentPlans { edges { node { id } } } }`, {})).employmentPlans.edges).toContainEqual({
      node: { id: plan.id },
    });
    const upd = `mutation($i: UpdateTrainingReferralInput!) { updateTrainingReferral(input: $i) { status } }`;
    await ok(upd, { i: { trainingReferralId: t.id, action: 'START', on: '2026-12-10' } });
    await ok(
      `mutation($i: RecordContractServiceInput!) { recordContractService(input: $i) { services { kind status specialist } } }`,
      { i: { contractId: d.contractId, kind: 'CAREER_GUIDANCE', deliveredOn: '2026-12-10' } },
    );
    at('2027-03-10');
    expect(await overduePlans()).toContain(plan.id);
    await ok(upd, { i: { trainingReferralId: t.id, action: 'COMPLETE', on: '2027-03-10', certificate: 'св. № 0007' } });

    // employment: a valid employer ИНН, a date not in the future
    const confirm = `mutation($i: ConfirmEmploymentInput!) { confirmEmployment(input: $i) { status employment { employerInn } } }`;
    const job = {
      registrationId: reg.id,
      employerInn: '500100732259',
      employerName: 'ООО «Кухня»',
      contractDate: '2027-03-15',
      position: 'повар',
      wageKopecks: 5_500_000,
    };
    at('2027-03-14');
    expect(await refused(confirm, { i: job }, sut.token, ['job_seeker_registration'])).toMatchObject({
      field: 'input.contractDate',
      rule: 'NOT_IN_FUTURE',
    });
    expect(
      await refused(confirm, { i: { ...job, contractDate: '2027-03-14', employerInn: '500100732250' } }, sut.token, [
        'job_seeker_registration',
      ]),
    ).toMatchObject({ field: 'input.employerInn', rule: 'INN_CHECKSUM' });
    expect((await ok(confirm, { i: { ...job, contractDate: '2027-03-14' } })).confirmEmployment).toEqual({
      status: 'EMPLOYED',
      employment: { employerInn: '500100732259' },
    });

    const events = await m3(reg.citizen.id);
    expect(events.map((e) => [e.kind, e.psaActivityId ?? null])).toEqual([
      ['REGISTERED', act('JOB_SEEKER_REGISTRATION')],
      ['PLAN_APPROVED', null],
      ['TRAINING_REFERRED', act('VOCATIONAL_TRAINING')],
      ['TRAINING_STARTED', act('VOCATIONAL_TRAINING')],
      ['SERVICE_DELIVERED', act('CAREER_GUIDANCE')],
      ['TRAINING_COMPLETED', act('VOCATIONAL_TRAINING')],
      ['EMPLOYED', act('EMPLOYMENT')],
    ]);
    expect(events.every((e) => e.contractId === d.contractId)).toBe(true);
    expect(events[6]).toMatchObject({
      employment: { employerInn: '500100732259', contractDate: '2027-03-14', wageKopecks: 5_500_000 },
      occurredOn: '2027-03-14',
    });
  });

  it('shows each agency only what its role needs: КЦСОН the summary, ЦСПН the case without profiling, ЦЗН everything', async () => {
    const citizenId = deriveCitizenId(validSnils(506), DEV_CITIZEN_ID_SECRET);
    const q = `query($c: ID!) { citizen(id: $c) { employmentStatus { registered employed status category } jobSeekerRegistrations { status profiling { result } } trainingReferrals { status } } }`;
    const kcson = (await ok(q, { c: citizenId }, await tokenFor('SOCIAL_SERVICE'))).citizen;
    expect(kcson).toEqual({
      employmentStatus: {
        registered: false,
        employed: true,
        status: 'EMPLOYED',
        category: 'LOW_INCOME_WITH_SOCIAL_CONTRACT',
      },
      jobSeekerRegistrations: [],
      trainingReferrals: [],
    });
    const cspn = (await ok(q, { c: citizenId }, await tokenFor('SOCIAL_PROTECTION'))).citizen;
    expect(cspn.jobSeekerRegistrations).toEqual([{ status: 'EMPLOYED', profiling: null }]);
    expect(cspn.trainingReferrals).toEqual([{ status: 'COMPLETED' }]);
    expect((await ok(q, { c: citizenId })).citizen.jobSeekerRegistrations).toEqual([
      { status: 'EMPLOYED', profiling: { result: 'NEEDS_TRAINING' } },
    ]);
  });

  it('takes ЦСПН’s referral (M1), replies accepted and links the registration; a reply to an unknown referral is dead-lettered', async () => {
    const citizenId = deriveCitizenId(validSnils(507), DEV_CITIZEN_ID_SECRET);
    const m1 = {
      referralId: uuidv7(),
      citizenId,
      fromAgency: 'SOCIAL_PROTECTION',
      toAgency: 'EMPLOYMENT',
      senderCaseId: uuidv7(),
      person: person(507),
      needs,
      proposedDirection: 'JOB_SEARCH',
      territory: TEST_TERRITORY,
      sentAt: '2026-12-01T00:00:00Z',
    };
    await deliver(referralForEmploymentServicesV1.type, m1, TOPICS.referrals);
    await eventually(
      async () =>
        (await count(sut.db, 'outbox_message', `type = 'referral.accepted.v1' and key = $1`, [citizenId])) === 1,
    );
    const reg = (await register(507)).registerJobSeeker;
    expect(reg.channel).toBe('REFERRAL_FROM_SOCIAL_PROTECTION');
    expect(
      await query(sut.db, 'select registration_id from incoming_employment_referral where id = $1', [m1.referralId]),
    ).toEqual([{ registration_id: reg.id }]);

    // ЦЗН refers its job seeker to ЦСПН for a contract (M4); the reply moves the referral on
    const ref = (
      await ok(
        `mutation($i: ReferJobSeekerForSocialContractInput!) { referJobSeekerForSocialContract(input: $i) { id status } }`,
        { i: { registrationId: reg.id, basis: 'UNEMPLOYED' } },
      )
    ).referJobSeekerForSocialContract;
    expect(ref.status).toBe('SENT');
    const [m4] = await query(
      sut.db,
      `select payload from outbox_message where type = 'referral.for-contract.v1' and key = $1`,
      [citizenId],
    );
    expect(JSON.parse(m4.payload)).toMatchObject({
      referralId: ref.id,
      fromAgency: 'EMPLOYMENT',
      senderCaseId: reg.id,
      basis: 'UNEMPLOYED',
      person: { lastName: 'Волков' },
    });
    const reply = (referralId: string) => ({
      referralId,
      citizenId,
      senderAgency: 'EMPLOYMENT',
      receiverAgency: 'SOCIAL_PROTECTION',
      receiverCaseId: uuidv7(),
      acceptedAt: '2026-12-02T00:00:00Z',
    });
    await deliver(referralAcceptedV1.type, reply(ref.id), TOPICS.referrals);
    await eventually(
      async () =>
        (await query(sut.db, 'select status from outgoing_referral where id = $1', [ref.id]))[0]?.status === 'ACCEPTED',
    );
    await deliver(referralAcceptedV1.type, reply(uuidv7()), TOPICS.referrals);
    await eventually(
      async () => (await count(sut.db, 'dead_letter', `error_code = 'EMPLOYMENTREFERRAL_NOT_FOUND'`)) === 1,
    );
  });

  it('applies a consumer batch of replies to its referrals with one locked read and one UPDATE', async () => {
    // A statement-level trigger counts the UPDATE statements on outgoing_referral and the rows each changed.
    await query(sut.db, 'create table reply_update (id serial, rows int)');
    await query(
      sut.db,
      `create function count_reply_update() returns trigger language plpgsql as $$
       begin insert into reply_update (rows) select count(*) from new_rows; return null; end $$`,
    );
    await query(
      sut.db,
      `create trigger reply_update after update on outgoing_referral referencing new table as new_rows
       for each statement execute function count_reply_update()`,
    );
    const refs: { id: string; citizenId: string }[] = [];
    for (const seed of [521, 522, 523]) {
      const reg = (await register(seed)).registerJobSeeker;
      const { id } = (
        await ok(
          `mutation($i: ReferJobSeekerForSocialContractInput!) { referJobSeekerForSocialContract(input: $i) { id } }`,
          { i: { registrationId: reg.id, basis: 'UNEMPLOYED' } },
        )
      ).referJobSeekerForSocialContract;
      refs.push({ id, citizenId: reg.citizen.id });
    }
    await query(sut.db, 'delete from reply_update');
    let offset = 0;
    const execute = jest.spyOn(sut.svc.deps.orm.em.getConnection(), 'execute');
    await sut.svc.consumer.processBatch(
      refs.map((r) => ({
        ...toRecord(
          `${sut.prefix}${TOPICS.referrals}`,
          newEnvelope(referralAcceptedV1.type, 'SOCIAL_PROTECTION', r.citizenId, {
            referralId: r.id,
            citizenId: r.citizenId,
            senderAgency: 'EMPLOYMENT',
            receiverAgency: 'SOCIAL_PROTECTION',
            receiverCaseId: uuidv7(),
            acceptedAt: '2026-12-02T00:00:00Z',
          }),
        ),
        partition: 0,
        offset: String(offset++),
      })),
    );
    expect(
      await query(sut.db, 'select status from outgoing_referral where id = any($1)', [refs.map((r) => r.id)]),
    ).toEqual([{ status: 'ACCEPTED' }, { status: 'ACCEPTED' }, { status: 'ACCEPTED' }]);
    expect(await query(sut.db, 'select rows from reply_update')).toEqual([{ rows: 3 }]);
    const reads = execute.mock.calls
      .map(([sql]) => String(sql))
      .filter((q) => /^select .* from "outgoing_referral"/.test(q));
    execute.mockRestore();
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatch(/ for update$/);
  });

  it('lists registrations due for re-profiling (every 1.5 months) and resolves entities', async () => {
    at('2026-12-01');
    const r = (await register(508)).registerJobSeeker;
    await ok(`mutation($i: RecordProfilingInput!) { recordProfiling(input: $i) { nextProfilingDue } }`, {
      i: { registrationId: r.id, profiledOn: '2026-12-01', result: 'READY_FOR_WORK' },
    });
    at('2027-01-10');
    const due = (await ok(`{ profilingDue(withinDays: 7) { id nextProfilingDue profilingOverdue } }`, {})).profilingDue;
    expect(due).toContainEqual({ id: r.id, nextProfilingDue: '2027-01-15', profilingOverdue: false });
    // The scheduler's deadline check tells the specialist 3 days before (DEADLINE_WARNING_DAYS), once, and when missed.
    at('2027-01-11');
    expect(await runJob(sut.svc, sut.db, 'employment.deadlines')).toBe('completed');
    expect(await deadlineNotices(sut.db, r.id)).toEqual([]);
    at('2027-01-12');
    expect(await runJob(sut.svc, sut.db, 'employment.deadlines')).toBe('completed');
    expect(await runJob(sut.svc, sut.db, 'employment.deadlines')).toBe('completed');
    at('2027-01-16');
    expect(await runJob(sut.svc, sut.db, 'employment.deadlines')).toBe('completed');
    expect(
      (await deadlineNotices(sut.db, r.id)).map((n) => [n.stage, n.kind, n.dueDate, n.caseType, n.recipient.subject]),
    ).toEqual([
      ['APPROACHING', 'REPROFILING', '2027-01-15', 'JobSeekerRegistration', 'czn-1'],
      ['MISSED', 'REPROFILING', '2027-01-15', 'JobSeekerRegistration', 'czn-1'],
    ]);
    const e = await ok(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { id employmentProfile { lastName } employmentStatus { status } } } }`,
      {
        r: [
          { __typename: 'Citizen', id: r.citizen.id },
          { __typename: 'Citizen', id: '6c1b8a56-0000-8000-8000-0000000000cc' },
        ],
      },
    );
    expect(e._entities).toEqual([
      { id: r.citizen.id, employmentProfile: { lastName: 'Волков' }, employmentStatus: { status: 'UNEMPLOYED' } },
      { id: '6c1b8a56-0000-8000-8000-0000000000cc', employmentProfile: null, employmentStatus: null },
    ]);
  });

  it('derives the citizen key from a СНИЛС and refuses a bad checksum', async () => {
    const good = await gql(sut.url, `{ citizenBySnils(snils: "112-233-445 95") { id } }`, {}, sut.token);
    expect(good.data.citizenBySnils.id).toMatch(/^[0-9a-f-]{36}$/);
    const bad = await gql(sut.url, `{ citizenBySnils(snils: "112-233-445 96") { id } }`, {}, sut.token);
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'snils',
      rule: 'SNILS_CHECKSUM',
    });
  });

  it('after every scenario above, each statistics counter equals a plain GROUP BY over the source tables (issue 11)', async () => {
    const { live, plain, indicators } = await countersAndSources(sut.db, Object.keys(EMPLOYMENT_STAT_SOURCES));
    expect(live).toEqual(plain);
    // the scenarios reached these indicators (otherwise equality proves little)
    expect([...indicators].sort()).toEqual([
      'CONTRACT_SUPPORT_ENDED',
      'CONTRACT_SUPPORT_OPENED',
      'EMPLOYED',
      'REFERRALS_RECEIVED',
      'REFERRALS_SENT',
      'REFERRAL_DAYS_TO_ACCEPT',
      'REFERRAL_OUTCOMES',
      'REGISTRATIONS',
      'REPROFILING_DUE',
      'SERVICES_DELIVERED',
      'TRAININGS',
    ]);
  });
});
