import {
  citizenNoticeV1,
  employmentServiceEventV1,
  referralForContractV1,
  socialServicesDeliveredV1,
  TOPICS,
} from '@sc/contracts';
import { addDays, deriveCitizenId, ManualClock, uuidv7 } from '@sc/kernel';
import { newEnvelope, toRecord } from '@sc/messaging';
import { DEV_CITIZEN_ID_SECRET } from '@sc/subgraph-kit';
import { count, eventually, query, TEST_TERRITORY, tokenFor, validSnils, serviceUnderTest, runJob } from '@sc/testing';
import { createSocialProtectionServer } from '../src/server';
import { agreeProgramme } from './programme-agreement';

/**
 * The ЦСПН subgraph on its own (real PostgreSQL, Kafka-protocol broker): every
 * rule of the social contract refused with a coded error that names the field
 * and the rule, and nothing written; partner messages applied once, bad ones
 * dead-lettered.
 */
const clock = new ManualClock('2026-11-23T03:00:00Z');
const at = (d: string) => clock.set(`${d}T03:00:00Z`);
const needs = {
  socialHelp: true,
  psychologicalSupport: false,
  employmentHelp: true,
  vocationalTraining: true,
  financialLiteracy: true,
};
const wages = (a: number) =>
  ['2026-07', '2026-08', '2026-09'].map((month) => ({ month, kind: 'WAGES', amountKopecks: a }));

describe('ЦСПН social-contract lifecycle (component, real PostgreSQL and broker)', () => {
  const sut = serviceUnderTest({
    name: 'social-protection',
    create: createSocialProtectionServer,
    clock,
    caller: { agency: 'SOCIAL_PROTECTION', roles: ['SPECIALIST'], subject: 'spec-1' },
  });
  let member: string;
  let head: string;
  let admin: string;
  beforeAll(async () => {
    member = await tokenFor('SOCIAL_PROTECTION', ['COMMISSION_MEMBER'], 'mvk-1');
    head = await tokenFor('SOCIAL_PROTECTION', ['HEAD'], 'head-1');
    admin = await tokenFor('SOCIAL_PROTECTION', ['ADMIN'], 'admin-1');
  });
  const { call, ok, refused } = sut;

  const SUBMIT = `mutation($i: SubmitScApplicationInput!) { submitScApplication(input: $i) { id status citizen { id } } }`;
  const submit = (seed: number, over: Record<string, unknown> = {}) => ({
    i: {
      citizen: { snils: validSnils(seed), lastName: 'Кузнецова', firstName: 'Анна', birthDate: '1991-01-01' },
      zone: 'WHOLE_REGION',
      needs,
      household: [
        { relation: 'APPLICANT', fullName: 'Кузнецова Анна', birthDate: '1991-01-01', incomes: wages(1_000_000) },
      ],
      ...over,
    },
  });
  const DRAFT = `mutation($i: DraftAdaptationProgrammeInput!) { draftAdaptationProgramme(input: $i) { id status activities { id kind } } }`;
  const draftInput = (applicationId: string, over: Record<string, unknown> = {}) => ({
    i: {
      applicationId,
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
      ...over,
    },
  });

  /** An application brought to ПСА drafting. */
  async function toDrafting(seed: number): Promise<{ appId: string; citizenId: string }> {
    at('2026-11-23');
    const a = (await ok(SUBMIT, submit(seed))).submitScApplication;
    await ok(`mutation($i: RunMeansTestInput!) { runMeansTest(input: $i) { status } }`, { i: { applicationId: a.id } });
    await ok(`mutation($i: RecordHomeSurveyInput!) { recordHomeSurvey(input: $i) { status } }`, {
      i: {
        applicationId: a.id,
        surveyDate: '2026-11-23',
        address: 'Иркутск',
        livingConditions: 'квартира',
        interviewNotes: 'мотивирована',
        conclusion: 'нуждается',
      },
    });
    return { appId: a.id, citizenId: a.citizen.id };
  }
  /** … then through the commission to an approved programme. */
  async function toApproved(seed: number): Promise<{ appId: string; citizenId: string; programmeId: string }> {
    const { appId, citizenId } = await toDrafting(seed);
    const p = (await ok(DRAFT, draftInput(appId))).draftAdaptationProgramme;
    await agreeProgramme(sut, p.id);
    await ok(`mutation($id: ID!) { submitProgrammeToCommission(input: { programmeId: $id }) { status } }`, {
      id: p.id,
    });
    const m = (
      await ok(`mutation($i: ScheduleCommissionMeetingInput!) { scheduleCommissionMeeting(input: $i) { id } }`, {
        i: {
          meetingDate: '2026-11-23',
          members: [{ name: 'Председатель', agency: 'SOCIAL_PROTECTION', role: 'CHAIR' }],
        },
      })
    ).scheduleCommissionMeeting;
    await ok(
      `mutation($i: RecordCommissionDecisionInput!) { recordCommissionDecision(input: $i) { id } }`,
      { i: { meetingId: m.id, programmeId: p.id, decision: 'APPROVE' } },
      member,
    );
    await ok(
      `mutation($i: CloseCommissionMeetingInput!) { closeCommissionMeeting(input: $i) { id } }`,
      { i: { meetingId: m.id, attended: ['Председатель'] } },
      member,
    );
    return { appId, citizenId, programmeId: p.id };
  }
  const CONCLUDE = `mutation($i: ConcludeSocialContractInput!) { concludeSocialContract(input: $i) { id status projectStage payments { no status } } }`;

  it('intake refuses bad input with the field and the rule, writing nothing', async () => {
    const tables = ['citizen', 'sc_application'];
    expect(await refused(SUBMIT, submit(4001, { household: [] }), sut.token, tables)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.household',
      rule: 'HOUSEHOLD_NOT_EMPTY',
    });
    expect(
      await refused(
        SUBMIT,
        submit(4001, { citizen: { snils: '112-233-445 96', lastName: 'К', firstName: 'А', birthDate: '1991-01-01' } }),
        sut.token,
        tables,
      ),
    ).toMatchObject({ field: 'input.citizen.snils', rule: 'SNILS_CHECKSUM' });
    expect(
      await refused(
        SUBMIT,
        submit(4001, {
          household: [
            {
              relation: 'APPLICANT',
              fullName: 'К',
              birthDate: '1991-01-01',
              incomes: [{ month: '2026-10', kind: 'WAGES', amountKopecks: 1 }],
            },
          ],
        }),
        sut.token,
        tables,
      ),
    ).toMatchObject({ field: 'input.household[0].incomes[0].month', rule: 'INCOME_IN_PERIOD' });
    expect(
      await refused(
        SUBMIT,
        submit(4001, {
          household: [
            {
              relation: 'APPLICANT',
              fullName: 'К',
              birthDate: '1991-01-01',
              incomes: [{ month: '2026-09', kind: 'WAGES', amountKopecks: -1 }],
            },
          ],
        }),
        sut.token,
        tables,
      ),
    ).toMatchObject({ rule: 'AMOUNT_RANGE' });
    expect(
      await refused(
        SUBMIT,
        submit(4001, { household: [{ relation: 'APPLICANT', fullName: 'К', birthDate: '2027-01-01', incomes: [] }] }),
        sut.token,
        tables,
      ),
    ).toMatchObject({ field: 'input.household[0].birthDate', rule: 'NOT_IN_FUTURE' });
    expect(await refused(SUBMIT, submit(4001), await tokenFor('SOCIAL_SERVICE'), tables)).toMatchObject({
      code: 'FORBIDDEN',
      rule: 'ACCESS_POLICY',
    });
    // money is integer kopecks: a fraction is refused by the schema itself
    const fraction = await call(
      SUBMIT,
      submit(4001, {
        household: [
          {
            relation: 'APPLICANT',
            fullName: 'К',
            birthDate: '1991-01-01',
            incomes: [{ month: '2026-09', kind: 'WAGES', amountKopecks: 100.5 }],
          },
        ],
      }),
    );
    expect(fraction.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(fraction.errors?.[0]?.message).toContain('amountKopecks');
    expect(await count(sut.db, 'sc_application', '1 = 1')).toBe(0);
  });

  it('rejects an income at or above the ПМ with the figures, and the ADMIN’s new ПМ changes the outcome', async () => {
    at('2026-11-23');
    // 20 100 ₽ per capita ≥ ПМ 20 075 ₽ (Irkutsk 2026, whole region)
    const rich = (
      await ok(
        SUBMIT,
        submit(4002, {
          household: [{ relation: 'APPLICANT', fullName: 'К', birthDate: '1991-01-01', incomes: wages(2_010_000) }],
        }),
      )
    ).submitScApplication;
    const r = (
      await ok(
        `mutation($i: RunMeansTestInput!) { runMeansTest(input: $i) { status rejectionReason meansTest { perCapitaIncomeKopecks subsistenceMinimumKopecks eligible } } }`,
        { i: { applicationId: rich.id } },
      )
    ).runMeansTest;
    expect(r).toMatchObject({
      status: 'REJECTED',
      meansTest: { perCapitaIncomeKopecks: 2_010_000, subsistenceMinimumKopecks: 2_007_500, eligible: false },
    });
    expect(r.rejectionReason).toContain('2010000');

    const setPm = `mutation($i: SetSubsistenceMinimumInput!) { setSubsistenceMinimum(input: $i) { year zone perCapitaKopecks } }`;
    const pm = { year: 2026, zone: 'FAR_NORTH', perCapitaKopecks: 2_500_000, workingAgeKopecks: 2_700_000 };
    expect((await call(setPm, { i: pm }, sut.token)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await call(setPm, { i: { ...pm, perCapitaKopecks: -1 } }, admin)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      rule: 'AMOUNT_RANGE',
    });
    expect((await ok(setPm, { i: pm }, admin)).setSubsistenceMinimum).toEqual({
      year: 2026,
      zone: 'FAR_NORTH',
      perCapitaKopecks: 2_500_000,
    });
    const north = (
      await ok(
        SUBMIT,
        submit(4003, {
          zone: 'FAR_NORTH',
          household: [{ relation: 'APPLICANT', fullName: 'К', birthDate: '1991-01-01', incomes: wages(2_010_000) }],
        }),
      )
    ).submitScApplication;
    expect(
      (
        await ok(
          `mutation($i: RunMeansTestInput!) { runMeansTest(input: $i) { status meansTest { subsistenceMinimumKopecks } } }`,
          { i: { applicationId: north.id } },
        )
      ).runMeansTest,
    ).toEqual({ status: 'SURVEY_AND_INTERVIEW', meansTest: { subsistenceMinimumKopecks: 2_500_000 } });
  });

  it('regional parameters are data: listed with their source, changed by an ADMIN from a date on, refused out of range', async () => {
    const list = (await ok(`{ regionalParameters(onDate: "2026-11-23") { code value unit status validFrom } }`, {}))
      .regionalParameters;
    expect(list).toEqual(
      expect.arrayContaining([
        { code: 'MAX_MONTHS_JOB_SEARCH', value: 9, unit: 'MONTHS', status: 'C', validFrom: null },
        { code: 'CAP_BUSINESS_KOPECKS', value: 35_000_000, unit: 'KOPECKS', status: 'C', validFrom: null },
        { code: 'EXCLUDE_UNIFIED_CHILD_ALLOWANCE', value: 1, unit: 'FLAG', status: 'C', validFrom: '2025-02-01' },
      ]),
    );
    const set = `mutation($i: SetRegionalParameterInput!) { setRegionalParameter(input: $i) { code value validFrom } }`;
    expect(
      (await call(set, { i: { code: 'CAP_TRAINING_KOPECKS', value: 1, validFrom: '2027-01-01' } }, sut.token))
        .errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await call(set, { i: { code: 'NO_SUCH', value: 1, validFrom: '2027-01-01' } }, admin)).errors?.[0]?.extensions,
    ).toMatchObject({ field: 'input.code', rule: 'UNKNOWN_PARAMETER' });
    expect(
      (await call(set, { i: { code: 'MAX_MONTHS_HARDSHIP', value: 99, validFrom: '2027-01-01' } }, admin)).errors?.[0]
        ?.extensions,
    ).toMatchObject({ field: 'input.value', rule: 'PARAMETER_RANGE' });
    expect(
      (await ok(set, { i: { code: 'CAP_TRAINING_KOPECKS', value: 4_000_000, validFrom: '2027-01-01' } }, admin))
        .setRegionalParameter,
    ).toEqual({ code: 'CAP_TRAINING_KOPECKS', value: 4_000_000, validFrom: '2027-01-01' });
    const before = (
      await ok(`{ regionalParameters(onDate: "2026-12-31") { code value } }`, {})
    ).regionalParameters.find((p: { code: string }) => p.code === 'CAP_TRAINING_KOPECKS');
    expect(before.value).toBe(3_000_000);
  });

  it('a ПСА breaking a rule is refused with the field and rule, and nothing is written', async () => {
    const { appId } = await toDrafting(4004);
    const t = ['adaptation_programme', 'sc_application'];
    expect(await refused(DRAFT, draftInput(appId, { termMonths: 10 }), sut.token, t)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.termMonths',
      rule: 'TERM_MAX_FOR_DIRECTION',
    });
    expect(
      await refused(
        DRAFT,
        draftInput(appId, { direction: 'HARDSHIP', termMonths: 7, hardshipPaymentMode: 'MONTHLY' }),
        sut.token,
        t,
      ),
    ).toMatchObject({ rule: 'TERM_MAX_FOR_DIRECTION' });
    expect(await refused(DRAFT, draftInput(appId, { termMonths: 2 }), sut.token, t)).toMatchObject({
      rule: 'TERM_RANGE',
    });
    expect(
      await refused(
        DRAFT,
        draftInput(appId, {
          activities: [
            {
              kind: 'VOCATIONAL_TRAINING',
              description: 'x',
              responsibleAgency: 'EMPLOYMENT',
              startDate: '2026-12-10',
              dueDate: '2027-03-31',
              costKopecks: 3_000_001,
            },
          ],
        }),
        sut.token,
        t,
      ),
    ).toMatchObject({ field: 'input.activities[0].costKopecks', rule: 'TRAINING_CAP' });
    expect(
      await refused(
        DRAFT,
        draftInput(appId, {
          activities: [
            {
              kind: 'OTHER',
              description: 'x',
              responsibleAgency: 'SOCIAL_PROTECTION',
              startDate: '2026-12-10',
              dueDate: '2027-09-01',
            },
          ],
        }),
        sut.token,
        t,
      ),
    ).toMatchObject({ rule: 'ACTIVITY_WITHIN_CONTRACT' });
    expect(
      await refused(
        DRAFT,
        draftInput(appId, {
          activities: [
            {
              kind: 'OTHER',
              description: 'x',
              responsibleAgency: 'SOCIAL_PROTECTION',
              startDate: '2027-02-10',
              dueDate: '2027-01-01',
            },
          ],
        }),
        sut.token,
        t,
      ),
    ).toMatchObject({ rule: 'DATE_ORDER' });
    const plan = (amount: number) => ({
      summary: 'Швейная мастерская',
      activityForm: 'SELF_EMPLOYED',
      amountRequestedKopecks: amount,
      items: [{ name: 'оборудование', amountKopecks: amount }],
    });
    expect(
      await refused(
        DRAFT,
        draftInput(appId, { direction: 'BUSINESS', termMonths: 12, businessPlan: plan(35_000_001) }),
        sut.token,
        t,
      ),
    ).toMatchObject({ field: 'input.businessPlan.amountRequestedKopecks', rule: 'LUMP_SUM_CAP' });
    expect(
      await refused(
        DRAFT,
        draftInput(appId, {
          direction: 'SUBSIDIARY_FARM',
          termMonths: 12,
          businessPlan: { ...plan(20_000_001), activityForm: 'SUBSIDIARY_FARM' },
        }),
        sut.token,
        t,
      ),
    ).toMatchObject({ rule: 'LUMP_SUM_CAP' });
    expect(
      await refused(DRAFT, draftInput(appId, { direction: 'BUSINESS', termMonths: 12 }), sut.token, t),
    ).toMatchObject({
      rule: 'BUSINESS_PLAN_REQUIRED',
    });
    // a valid business programme passes at the cap
    expect(
      (await ok(DRAFT, draftInput(appId, { direction: 'BUSINESS', termMonths: 12, businessPlan: plan(35_000_000) })))
        .draftAdaptationProgramme.status,
    ).toBe('DRAFT');
  });

  it('no contract without an approved programme; only the commission decides; a return sends the programme back with reasons', async () => {
    const { appId } = await toDrafting(4005);
    expect(
      await refused(CONCLUDE, { i: { applicationId: appId, signedOn: '2026-11-23' } }, sut.token, [
        'social_contract',
        'sc_application',
      ]),
    ).toMatchObject({ code: 'CONFLICT', domainCode: 'PROGRAMME_NOT_APPROVED', rule: 'APPROVED_PROGRAMME_REQUIRED' });
    const p = (await ok(DRAFT, draftInput(appId))).draftAdaptationProgramme;
    await agreeProgramme(sut, p.id);
    await ok(`mutation($id: ID!) { submitProgrammeToCommission(input: { programmeId: $id }) { status } }`, {
      id: p.id,
    });
    const m = (
      await ok(
        `mutation($i: ScheduleCommissionMeetingInput!) { scheduleCommissionMeeting(input: $i) { id agenda { id } } }`,
        {
          i: {
            meetingDate: '2026-11-23',
            members: [
              { name: 'Председатель', agency: 'SOCIAL_PROTECTION', role: 'CHAIR' },
              { name: 'Инспектор ЦЗН', agency: 'EMPLOYMENT', role: 'MEMBER' },
            ],
          },
        },
      )
    ).scheduleCommissionMeeting;
    const decide = `mutation($i: RecordCommissionDecisionInput!) { recordCommissionDecision(input: $i) { id } }`;
    expect(
      await refused(decide, { i: { meetingId: m.id, programmeId: p.id, decision: 'APPROVE' } }, sut.token, [
        'commission_meeting',
        'adaptation_programme',
      ]),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await refused(decide, { i: { meetingId: m.id, programmeId: p.id, decision: 'REFUSE' } }, member, [
        'commission_meeting',
        'adaptation_programme',
      ]),
    ).toMatchObject({ field: 'input.reasons', rule: 'REASONS_REQUIRED' });
    await ok(
      decide,
      { i: { meetingId: m.id, programmeId: p.id, decision: 'RETURN_FOR_REWORK', reasons: 'уточнить сроки обучения' } },
      member,
    );
    const app = (
      await ok(`query($id: ID!) { scApplication(id: $id) { status programme { status commissionReasons } } }`, {
        id: appId,
      })
    ).scApplication;
    expect(app).toEqual({
      status: 'PSA_DRAFTING',
      programme: { status: 'RETURNED', commissionReasons: 'уточнить сроки обучения' },
    });
    // the M7 invitation to ЦЗН was staged with the meeting
    const [inv] = await query(
      sut.db,
      `select key, payload from outbox_message where type = 'commission.invitation.v1' and key = $1`,
      [m.id],
    );
    expect(JSON.parse(inv.payload)).toMatchObject({ toAgency: 'EMPLOYMENT', invited: [{ name: 'Инспектор ЦЗН' }] });
  });

  it('bad signing dates are refused naming the date field and the rule, and nothing is written', async () => {
    const { appId } = await toApproved(4016);
    at('2026-11-30');
    const tables = ['social_contract', 'sc_application', 'outbox_message'];
    const signed = (i: Record<string, unknown>) =>
      refused(CONCLUDE, { i: { applicationId: appId, ...i } }, sut.token, tables);
    // Before the application was registered (23 November).
    expect(await signed({ signedOn: '2026-11-01' })).toMatchObject({ field: 'input.signedOn', rule: 'DATE_ORDER' });
    expect(await signed({ signedOn: '2026-12-01' })).toMatchObject({ field: 'input.signedOn', rule: 'NOT_IN_FUTURE' });
    expect(await signed({ signedOn: '2026-11-30', startDate: '2026-11-29' })).toMatchObject({
      field: 'input.startDate',
      rule: 'DATE_ORDER',
    });
    // Only 2025–2026 are seeded: a contract starting in 2027 waits for the ADMIN to enter its ПМ.
    expect(await signed({ signedOn: '2026-11-30', startDate: '2027-01-15' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.startDate',
      rule: 'SUBSISTENCE_MINIMUM_MISSING',
    });
  });

  it('a contract runs by the rules: payments wait for employment, extension ≤ half the term in the last month, illegal transitions are CONFLICT', async () => {
    const { appId, citizenId } = await toApproved(4006);
    at('2026-11-30');
    const c = (await ok(CONCLUDE, { i: { applicationId: appId, signedOn: '2026-11-30' } })).concludeSocialContract;
    expect(c.payments.map((p: { status: string }) => p.status)).toEqual([
      'SCHEDULED',
      'AWAITING_EMPLOYMENT',
      'AWAITING_EMPLOYMENT',
      'AWAITING_EMPLOYMENT',
      'SCHEDULED',
    ]);
    const rows = await query(
      sut.db,
      `select type from outbox_message where key = $1 and type like 'contract.%' order by seq`,
      [citizenId],
    );
    expect(rows.map((r) => r.type)).toEqual([
      'contract.concluded-for-employment.v1',
      'contract.concluded-for-social-service.v1',
    ]);
    const pay = `mutation($i: RecordPaymentInput!) { recordContractPayment(input: $i) { status } }`;
    expect(
      await refused(pay, { i: { contractId: c.id, paymentNo: 2, paidOn: '2026-12-01' } }, sut.token, [
        'social_contract',
      ]),
    ).toMatchObject({ code: 'CONFLICT', rule: 'JOB_SEARCH_PAYMENTS_AFTER_EMPLOYMENT' });
    await ok(pay, { i: { contractId: c.id, paymentNo: 1, paidOn: '2026-12-01' } });
    expect(
      await refused(pay, { i: { contractId: c.id, paymentNo: 1, paidOn: '2026-12-02' } }, sut.token, [
        'social_contract',
      ]),
    ).toMatchObject({ code: 'CONFLICT', rule: 'PAY_ONCE' });

    const extend = `mutation($i: ExtendSocialContractInput!) { extendSocialContract(input: $i) { status endDate } }`;
    const ext = (newEndDate: string) => ({
      i: { contractId: c.id, newEndDate, reasonKind: 'ILLNESS_OVER_MONTH', reason: 'больничный' },
    });
    expect(await refused(extend, ext('2027-10-31'), sut.token, ['social_contract'])).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await refused(extend, ext('2027-10-31'), head, ['social_contract'])).toMatchObject({
      code: 'CONFLICT',
      rule: 'EXTENSION_IN_FINAL_MONTH',
    });
    at('2027-08-10');
    expect(await refused(extend, ext('2028-02-01'), head, ['social_contract'])).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.newEndDate',
      rule: 'EXTENSION_MAX_HALF_TERM',
    });
    expect((await ok(extend, ext('2027-12-31'), head)).extendSocialContract).toEqual({
      status: 'EXTENDED',
      endDate: '2027-12-31',
    });
    expect(await refused(extend, ext('2028-01-10'), head, ['social_contract'])).toMatchObject({
      code: 'CONFLICT',
      rule: 'STATE_MACHINE',
      currentState: 'EXTENDED',
      attemptedAction: 'extend',
    });
    expect(
      await refused(
        `mutation($c: ID!) { endSocialContract(input: { contractId: $c }) { status } }`,
        { c: c.id },
        sut.token,
        ['social_contract'],
      ),
    ).toMatchObject({ code: 'CONFLICT', domainCode: 'TERM_NOT_OVER' });
    expect(
      await refused(
        `mutation($c: ID!) { startPostMonitoring(input: { contractId: $c }) { status } }`,
        { c: c.id },
        sut.token,
        ['social_contract'],
      ),
    ).toMatchObject({ code: 'CONFLICT', currentState: 'EXTENDED', attemptedAction: 'startPostMonitoring' });
  });

  it('early termination for misuse: HEAD only, repayment of what was paid, court after the deadline', async () => {
    const { appId } = await toApproved(4007);
    at('2026-11-30');
    const c = (await ok(CONCLUDE, { i: { applicationId: appId, signedOn: '2026-11-30' } })).concludeSocialContract;
    await ok(`mutation($i: RecordPaymentInput!) { recordContractPayment(input: $i) { status } }`, {
      i: { contractId: c.id, paymentNo: 1, paidOn: '2026-12-01' },
    });
    at('2027-01-15');
    const term = `mutation($i: TerminateSocialContractInput!) { terminateSocialContract(input: $i) { status repayment { amountKopecks dueDate } payments { status } } }`;
    expect(
      await refused(term, { i: { contractId: c.id, ground: 'MISUSE_OF_FUNDS' } }, sut.token, ['social_contract']),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await refused(term, { i: { contractId: c.id, ground: 'MISUSE_OF_FUNDS', repaymentKopecks: 99_999_999 } }, head, [
        'social_contract',
      ]),
    ).toMatchObject({ field: 'input.repaymentKopecks', rule: 'REPAYMENT_RANGE' });
    expect(c.projectStage).toBe('IMPLEMENTATION');
    const t = (await ok(term, { i: { contractId: c.id, ground: 'MISUSE_OF_FUNDS' } }, head)).terminateSocialContract;
    expect(t).toEqual({
      status: 'REPAYMENT_DUE',
      repayment: { amountKopecks: 2_188_200, dueDate: '2027-04-15' },
      payments: ['PAID', 'CANCELLED', 'CANCELLED', 'CANCELLED', 'CANCELLED'].map((status) => ({ status })),
    });
    // «Соцконтракт38»: after an early termination the case is under control (repayment), and so is its application
    const STAGE = `query($c: ID!) { socialContract(id: $c) { projectStage application { projectStage } } }`;
    expect((await ok(STAGE, { c: c.id }, head)).socialContract).toEqual({
      projectStage: 'CONTROL',
      application: { projectStage: 'CONTROL' },
    });
    const court = `mutation($c: ID!) { referRepaymentToCourt(input: { contractId: $c }) { status } }`;
    expect(await refused(court, { c: c.id }, head, ['social_contract'])).toMatchObject({
      domainCode: 'REPAYMENT_NOT_OVERDUE',
    });
    at('2027-04-16');
    expect((await ok(court, { c: c.id }, head)).referRepaymentToCourt.status).toBe('COURT_RECOVERY');
    const changes = await query(
      sut.db,
      `select payload from outbox_message where type = 'contract.status-changed.v1' and payload::jsonb->>'contractId' = $1 order by seq`,
      [c.id],
    );
    expect(changes.map((r) => JSON.parse(r.payload).status)).toEqual(['ACTIVE', 'REPAYMENT_DUE', 'COURT_RECOVERY']);
  });

  it('takes `input` on the mutations that once took a bare id; the deprecated bare id still works, never both', async () => {
    at('2026-11-23');
    const a = (await ok(SUBMIT, submit(4101))).submitScApplication;
    const REQUEST = `mutation($i: RequestApplicationDataInput, $id: ID) {
      requestApplicationData(input: $i, applicationId: $id) { status } }`;
    expect(
      await refused(REQUEST, { i: { applicationId: a.id }, id: a.id }, sut.token, ['sc_application']),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'applicationId', rule: 'ONE_FORM' });
    expect(await refused(REQUEST, {}, sut.token, ['sc_application'])).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input',
      rule: 'REQUIRED',
    });
    expect((await ok(REQUEST, { i: { applicationId: a.id } })).requestApplicationData.status).toBe('AWAITING_DATA');
    const WITHDRAW = `mutation($id: ID!) { withdrawScApplication(applicationId: $id) { status } }`;
    expect((await ok(WITHDRAW, { id: a.id })).withdrawScApplication.status).toBe('WITHDRAWN');

    const { appId } = await toApproved(4102);
    at('2026-11-30');
    const c = (await ok(CONCLUDE, { i: { applicationId: appId, signedOn: '2026-11-30' } })).concludeSocialContract;
    await ok(`mutation($i: RecordPaymentInput!) { recordContractPayment(input: $i) { status } }`, {
      i: { contractId: c.id, paymentNo: 1, paidOn: '2026-12-01' },
    });
    const review = `mutation($i: ContractReasonInput!) { putSocialContractUnderReview(input: $i) { status reviewReason } }`;
    expect(
      (await ok(review, { i: { contractId: c.id, reason: 'нет отчёта за декабрь' } })).putSocialContractUnderReview,
    ).toEqual({ status: 'UNDER_REVIEW', reviewReason: 'нет отчёта за декабрь' });
    const resolve = `mutation($c: ID!) { resolveSocialContractReview(input: { contractId: $c }) { status } }`;
    expect((await ok(resolve, { c: c.id })).resolveSocialContractReview.status).toBe('ACTIVE');
  });

  it("counts a specialist's work in the region's month: 17:00 UTC on 30 November is 1 December in Irkutsk", async () => {
    clock.set('2026-11-30T17:00:00Z');
    const household = [{ relation: 'APPLICANT', fullName: 'Кузнецова Анна', birthDate: '1991-01-01', incomes: [] }];
    const a = (await ok(SUBMIT, submit(4103, { household }))).submitScApplication;
    const LOG = `query($m: String) { socialProtectionWorkLog(month: $m) { operation entityId at } }`;
    const inMonth = async (m: string) =>
      (await ok(LOG, { m })).socialProtectionWorkLog.filter((e: { entityId: string }) => e.entityId === a.id);
    expect(await inMonth('2026-12')).toEqual([
      { operation: 'submitScApplication', entityId: a.id, at: '2026-11-30T17:00:00.000Z' },
    ]);
    expect(await inMonth('2026-11')).toEqual([]);
  });

  it('concludes on effectiveness only at a meeting holding the contract, from computed criteria; departing needs a reason', async () => {
    const { appId } = await toApproved(4202);
    at('2026-11-30');
    const c = (await ok(CONCLUDE, { i: { applicationId: appId, signedOn: '2026-11-30' } })).concludeSocialContract;
    await ok(`mutation($i: RecordPaymentInput!) { recordContractPayment(input: $i) { status } }`, {
      i: { contractId: c.id, paymentNo: 1, paidOn: '2026-12-01' },
    });
    at('2027-09-01');
    await ok(`mutation($c: ID!) { endSocialContract(input: { contractId: $c }) { status } }`, { c: c.id });
    const EVAL = `mutation($i: EvaluateSocialContractInput!) { evaluateSocialContract(input: $i) {
      status evaluation { effective meetingId departureReason figures { directionCriterion directionCriterionMet
        directionEvidence perCapitaIncomeAfterKopecks subsistenceMinimumKopecks incomeAboveSubsistenceMinimum
        computedEffective } } } }`;
    const base = {
      contractId: c.id,
      householdIncomeAfterKopecks: 3_000_000,
      householdMembersAfter: 1,
      conclusion: 'доход семьи выше прожиточного минимума',
    };
    const tables = ['social_contract', 'commission_meeting'];
    // one HEAD or member outside any meeting: refused
    expect(await refused(EVAL, { i: base }, member, tables)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.meetingId',
      rule: 'DECIDE_AT_MEETING',
    });
    const SCHEDULE = `mutation($i: ScheduleCommissionMeetingInput!) {
      scheduleCommissionMeeting(input: $i) { id evaluationAgenda { id } } }`;
    const chair = [{ name: 'Председатель', agency: 'SOCIAL_PROTECTION', role: 'CHAIR' }];
    const m = (await ok(SCHEDULE, { i: { meetingDate: '2027-09-10', members: chair } })).scheduleCommissionMeeting;
    expect(m.evaluationAgenda).toContainEqual({ id: c.id });
    const atMeeting = { ...base, meetingId: m.id };
    expect(await refused(EVAL, { i: atMeeting }, member, tables)).toMatchObject({
      code: 'CONFLICT',
      rule: 'DECIDE_AT_MEETING',
    });
    at('2027-09-10');
    // the ПМ of the meeting's year is a regional parameter an ADMIN enters first
    expect(await refused(EVAL, { i: atMeeting }, member, tables)).toMatchObject({
      field: 'input.meetingId',
      rule: 'SUBSISTENCE_MINIMUM_MISSING',
    });
    await ok(
      `mutation($i: SetSubsistenceMinimumInput!) { setSubsistenceMinimum(input: $i) { year } }`,
      { i: { year: 2027, zone: 'WHOLE_REGION', perCapitaKopecks: 2_150_000, workingAgeKopecks: 2_340_000 } },
      admin,
    );
    // ЦЗН never confirmed employment: by the figures not effective, so "effective" needs the commission's reason
    expect(await refused(EVAL, { i: { ...atMeeting, effective: true } }, member, tables)).toMatchObject({
      field: 'input.departureReason',
      rule: 'DEPARTURE_REASON_REQUIRED',
    });
    const reason = 'трудоустроена 20.08.2027, договор представлен на заседании';
    const r = (await ok(EVAL, { i: { ...atMeeting, effective: true, departureReason: reason } }, member))
      .evaluateSocialContract;
    expect(r).toEqual({
      status: 'EVALUATED_EFFECTIVE',
      evaluation: {
        effective: true,
        meetingId: m.id,
        departureReason: reason,
        figures: {
          directionCriterion: 'EMPLOYED_IN_TERM',
          directionCriterionMet: false,
          directionEvidence: 'трудоустройство ЦЗН не подтверждено',
          perCapitaIncomeAfterKopecks: 3_000_000,
          subsistenceMinimumKopecks: 2_150_000,
          incomeAboveSubsistenceMinimum: true,
          computedEffective: false,
        },
      },
    });
    expect(await refused(EVAL, { i: atMeeting }, member, tables)).toMatchObject({ code: 'CONFLICT' });
    const closed = (
      await ok(
        `mutation($i: CloseCommissionMeetingInput!) { closeCommissionMeeting(input: $i) {
          minutes effectivenessConclusions { contract { id } effective computedEffective departureReason } } }`,
        { i: { meetingId: m.id, attended: ['Председатель'] } },
        member,
      )
    ).closeCommissionMeeting;
    expect(closed.effectivenessConclusions).toEqual([
      { contract: { id: c.id }, effective: true, computedEffective: false, departureReason: reason },
    ]);
    expect(closed.minutes).toContain(
      `признан эффективным (по расчёту — неэффективен; комиссия отступила от расчёта: ${reason}).`,
    );
  });

  describe('non-fulfilment as one chain (issue 16, item 6)', () => {
    const CHAIN = `caseId: id stage open links { id kind previousId on text dueDate amountKopecks ground }`;
    const REQUEST = `mutation($i: RequestNonFulfilmentExplanationInput!) { requestNonFulfilmentExplanation(input: $i) { ${CHAIN} } }`;
    const EXPLAIN = `mutation($i: RecordNonFulfilmentExplanationInput!) { recordNonFulfilmentExplanation(input: $i) { ${CHAIN} } }`;
    const DECIDE = `mutation($i: DecideNonFulfilmentGoodCauseInput!) { decideNonFulfilmentGoodCause(input: $i) { ${CHAIN} } }`;
    const WARN = `mutation($i: WarnOfNonFulfilmentInput!) { warnOfNonFulfilment(input: $i) { ${CHAIN} } }`;
    const TERMINATE = `mutation($i: TerminateForNonFulfilmentInput!) { terminateForNonFulfilment(input: $i) { ${CHAIN} } }`;
    const APPEAL = `mutation($i: FileNonFulfilmentAppealInput!) { fileNonFulfilmentAppeal(input: $i) { ${CHAIN} } }`;
    const APPEAL_DECISION = `mutation($i: DecideNonFulfilmentAppealInput!) { decideNonFulfilmentAppeal(input: $i) { ${CHAIN} } }`;
    const tables = ['non_fulfilment', 'social_contract'];
    const kinds = (chain: { links: { kind: string }[] }) => chain.links.map((l) => l.kind);
    const linkedInOrder = (chain: { links: { id: string; previousId: string | null }[] }) =>
      chain.links.every((l, i) => l.previousId === (i === 0 ? null : chain.links[i - 1]!.id));
    const notices = async (contractId: string) =>
      (
        await query(
          sut.db,
          `select payload from outbox_message where type = 'notification.citizen-notice.v1' and payload::jsonb->>'caseId' = $1 order by seq`,
          [contractId],
        )
      ).map((r) => JSON.parse(r.payload).kind);
    /** A running JOB_SEARCH contract concluded on 30 November 2026, its first payment made. */
    async function runningContract(seed: number): Promise<{ id: string; training: string }> {
      const { appId } = await toApproved(seed);
      at('2026-11-30');
      const c = (await ok(CONCLUDE, { i: { applicationId: appId, signedOn: '2026-11-30' } })).concludeSocialContract;
      const paid = (
        await ok(`mutation($i: RecordPaymentInput!) { recordContractPayment(input: $i) { activities { id kind } } }`, {
          i: { contractId: c.id, paymentNo: 1, paidOn: '2026-12-01' },
        })
      ).recordContractPayment;
      return { id: c.id, training: paid.activities.find((a: { kind: string }) => a.kind === 'VOCATIONAL_TRAINING').id };
    }

    it('a missed activity explained with a good cause: the deadline moves and the chain closes; a missed report likewise', async () => {
      const c = await runningContract(4301);
      at('2026-12-10');
      expect(
        await refused(REQUEST, { i: { contractId: c.id, activityId: c.training } }, sut.token, tables),
      ).toMatchObject({ field: 'input.activityId', rule: 'NOT_MISSED' });
      expect(
        await refused(
          REQUEST,
          { i: { contractId: c.id, activityId: c.training, reportPeriod: '2026-12' } },
          sut.token,
          tables,
        ),
      ).toMatchObject({ field: 'input', rule: 'ONE_OF' });
      at('2027-04-05');
      const chain = (await ok(REQUEST, { i: { contractId: c.id, activityId: c.training } }))
        .requestNonFulfilmentExplanation;
      expect(chain).toMatchObject({ stage: 'EXPLANATION_REQUESTED', open: true });
      expect(chain.links[0]).toMatchObject({ kind: 'EXPLANATION_REQUESTED', previousId: null, dueDate: '2027-04-15' });
      expect(
        await refused(REQUEST, { i: { contractId: c.id, activityId: c.training } }, sut.token, tables),
      ).toMatchObject({ code: 'CONFLICT', rule: 'ONE_CHAIN_PER_MISS' });
      const accept = (over: Record<string, unknown> = {}) => ({
        i: { caseId: chain.caseId, accepted: true, reason: 'болезнь, справка представлена', ...over },
      });
      expect(await refused(DECIDE, accept({ newDueDate: '2027-05-31' }), sut.token, tables)).toMatchObject({
        code: 'CONFLICT',
        rule: 'NON_FULFILMENT_CHAIN',
      });
      await ok(EXPLAIN, { i: { caseId: chain.caseId, explanation: 'была на больничном', receivedOn: '2027-04-05' } });
      expect(await refused(DECIDE, accept(), sut.token, tables)).toMatchObject({
        field: 'input.newDueDate',
        rule: 'REQUIRED',
      });
      const accepted = (await ok(DECIDE, accept({ newDueDate: '2027-05-31' }))).decideNonFulfilmentGoodCause;
      expect(accepted).toMatchObject({ stage: 'GOOD_CAUSE_ACCEPTED', open: false });
      expect(kinds(accepted)).toEqual(['EXPLANATION_REQUESTED', 'EXPLANATION_RECEIVED', 'GOOD_CAUSE_ACCEPTED']);
      expect(linkedInOrder(accepted)).toBe(true);
      const CONTRACT = `query($c: ID!) { socialContract(id: $c) { activities { id dueDate status }
        obligations { period reportDueDate reportOverdue } nonFulfilment { caseId: id stage } } }`;
      const after = (await ok(CONTRACT, { c: c.id })).socialContract;
      expect(after.activities.find((a: { id: string }) => a.id === c.training)).toMatchObject({
        dueDate: '2027-05-31',
        status: 'IN_PROGRESS',
      });
      // the February report, missed too: explained the next day, its deadline moved
      at('2027-04-06');
      const report = (await ok(REQUEST, { i: { contractId: c.id, reportPeriod: '2027-02' } }))
        .requestNonFulfilmentExplanation;
      await ok(EXPLAIN, { i: { caseId: report.caseId, explanation: 'не знала о сроке', receivedOn: '2027-04-06' } });
      await ok(DECIDE, { i: { caseId: report.caseId, accepted: true, reason: 'впервые', newDueDate: '2027-04-20' } });
      const moved = (await ok(CONTRACT, { c: c.id })).socialContract;
      expect(moved.obligations.find((o: { period: string }) => o.period === '2027-02')).toEqual({
        period: '2027-02',
        reportDueDate: '2027-04-20',
        reportOverdue: false,
      });
      expect(moved.nonFulfilment).toEqual([
        { caseId: report.caseId, stage: 'GOOD_CAUSE_ACCEPTED' },
        { caseId: chain.caseId, stage: 'GOOD_CAUSE_ACCEPTED' },
      ]);
      expect(await notices(c.id)).toEqual(
        expect.arrayContaining([
          'EXPLANATION_REQUESTED',
          'GOOD_CAUSE_ACCEPTED',
          'EXPLANATION_REQUESTED',
          'GOOD_CAUSE_ACCEPTED',
        ]),
      );
    });

    it('no good cause: warning, termination with repayment, the appeal rejected, then court — every link after the one before', async () => {
      const c = await runningContract(4302);
      at('2027-01-20');
      const chain = (await ok(REQUEST, { i: { contractId: c.id, reportPeriod: '2026-12' } }))
        .requestNonFulfilmentExplanation;
      const reject = { i: { caseId: chain.caseId, accepted: false, reason: 'объяснение не представлено' } };
      expect(await refused(DECIDE, reject, sut.token, tables)).toMatchObject({
        code: 'CONFLICT',
        rule: 'EXPLANATION_PERIOD',
      });
      at('2027-02-01');
      await ok(DECIDE, reject);
      await ok(WARN, {
        i: { caseId: chain.caseId, text: 'при повторном непредставлении отчёта контракт будет расторгнут' },
      });
      const terminate = (ground: string) => ({
        i: { caseId: chain.caseId, ground, note: 'средства потрачены не по ПСА' },
      });
      expect(await refused(TERMINATE, terminate('MISUSE_OF_FUNDS'), sut.token, tables)).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await refused(TERMINATE, terminate('OWN_REQUEST'), head, tables)).toMatchObject({
        field: 'input.ground',
        rule: 'BREACH_GROUND',
      });
      const terminated = (await ok(TERMINATE, terminate('MISUSE_OF_FUNDS'), head)).terminateForNonFulfilment;
      expect(terminated.links.slice(-2)).toMatchObject([
        { kind: 'CONTRACT_TERMINATED', ground: 'MISUSE_OF_FUNDS', text: 'средства потрачены не по ПСА' },
        { kind: 'REPAYMENT_DEMANDED', amountKopecks: 2_188_200, dueDate: '2027-05-02' },
      ]);
      expect(
        await refused(
          APPEAL,
          { i: { caseId: chain.caseId, text: 'не согласна', filedOn: '2027-01-01' } },
          sut.token,
          tables,
        ),
      ).toMatchObject({ field: 'input.filedOn', rule: 'DATE_ORDER' });
      await ok(APPEAL, { i: { caseId: chain.caseId, text: 'не согласна с расторжением', filedOn: '2027-02-01' } });
      expect(
        await refused(
          APPEAL_DECISION,
          { i: { caseId: chain.caseId, upheld: false, decision: 'x' } },
          sut.token,
          tables,
        ),
      ).toMatchObject({ code: 'FORBIDDEN' });
      await ok(
        APPEAL_DECISION,
        { i: { caseId: chain.caseId, upheld: false, decision: 'нарушение подтверждено' } },
        head,
      );
      at('2027-05-03');
      await ok(`mutation($c: ID!) { referRepaymentToCourt(input: { contractId: $c }) { status } }`, { c: c.id }, head);
      const read = (
        await ok(`query($id: ID!) { nonFulfilmentCase(id: $id) { ${CHAIN} contract { status } } }`, {
          id: chain.caseId,
        })
      ).nonFulfilmentCase;
      expect(kinds(read)).toEqual([
        'EXPLANATION_REQUESTED',
        'GOOD_CAUSE_REJECTED',
        'WARNING_ISSUED',
        'CONTRACT_TERMINATED',
        'REPAYMENT_DEMANDED',
        'APPEAL_FILED',
        'APPEAL_REJECTED',
        'REFERRED_TO_COURT',
      ]);
      expect(linkedInOrder(read)).toBe(true);
      expect(read).toMatchObject({ stage: 'REFERRED_TO_COURT', open: true, contract: { status: 'COURT_RECOVERY' } });
      expect(await notices(c.id)).toEqual(
        expect.arrayContaining([
          'EXPLANATION_REQUESTED',
          'GOOD_CAUSE_REJECTED',
          'WARNING_ISSUED',
          'REPAYMENT_DEMANDED',
          'APPEAL_DECIDED',
        ]),
      );
      // another agency sees no chain; an unknown id is null
      const czn = await tokenFor('EMPLOYMENT', ['SPECIALIST'], 'czn-1');
      expect(
        (await call(`query($id: ID!) { nonFulfilmentCase(id: $id) { id } }`, { id: chain.caseId }, czn)).errors?.[0]
          ?.extensions?.code,
      ).toBe('FORBIDDEN');
    });
  });

  it('applies ЦЗН’s M3 once however often it is delivered; an unknown citizen or contract is dead-lettered with the reason', async () => {
    const { appId, citizenId } = await toApproved(4008);
    at('2026-11-30');
    const c = (await ok(CONCLUDE, { i: { applicationId: appId, signedOn: '2026-11-30' } })).concludeSocialContract;
    const topic = `${sut.prefix}${TOPICS.serviceReports}`;
    const employed = {
      eventId: uuidv7(),
      citizenId,
      contractId: c.id,
      kind: 'EMPLOYED',
      employment: {
        employerInn: '500100732259',
        contractDate: '2027-01-20',
        position: 'повар',
        wageKopecks: 5_000_000,
      },
      occurredOn: '2027-01-20',
    };
    const env = newEnvelope(employmentServiceEventV1.type, 'EMPLOYMENT', citizenId, employed);
    await sut.bus.publish([
      toRecord(topic, env),
      toRecord(topic, env),
      toRecord(topic, newEnvelope(employmentServiceEventV1.type, 'EMPLOYMENT', citizenId, employed)),
    ]);
    await eventually(
      async () =>
        (await count(sut.db, 'inbox_message', `message_id = $1`, [env.id])) === 1 &&
        (await count(sut.db, 'partner_event', 'contract_id = $1', [c.id])) === 1,
    );
    const after = (
      await ok(
        `query($id: ID!) { socialContract(id: $id) { payments { status dueDate } employment { employerInn } } }`,
        { id: c.id },
      )
    ).socialContract;
    expect(after.employment).toEqual({ employerInn: '500100732259' });
    expect(
      after.payments
        .filter((p: { status: string }) => p.status === 'SCHEDULED')
        .map((p: { dueDate: string }) => p.dueDate),
    ).toEqual(['2026-12-01', '2027-01-20', '2027-02-20', '2027-03-20', '2026-12-10']);

    const stranger = deriveCitizenId(validSnils(4999), DEV_CITIZEN_ID_SECRET);
    await sut.bus.publish([
      toRecord(
        topic,
        newEnvelope(employmentServiceEventV1.type, 'EMPLOYMENT', stranger, {
          ...employed,
          eventId: uuidv7(),
          citizenId: stranger,
          contractId: undefined,
        }),
      ),
    ]);
    const unknownContract = uuidv7();
    await sut.bus.publish([
      toRecord(
        topic,
        newEnvelope(socialServicesDeliveredV1.type, 'SOCIAL_SERVICE', citizenId, {
          reportId: uuidv7(),
          citizenId,
          contractId: unknownContract,
          services: [{ code: 'X', deliveredOn: '2026-12-05', volume: 1 }],
          reportedAt: '2026-12-05T00:00:00Z',
        }),
      ),
    ]);
    const badInn = {
      ...employed,
      eventId: uuidv7(),
      employment: { ...employed.employment, employerInn: '500100732250' },
    };
    await sut.bus.publish([
      toRecord(topic, newEnvelope(employmentServiceEventV1.type, 'EMPLOYMENT', citizenId, badInn)),
    ]);
    const dead = await eventually(async () => {
      const rows = await query(sut.db, `select key, error_code, error from dead_letter order by created_at`);
      return rows.length >= 3 ? rows : undefined;
    });
    expect(dead.map((d) => d.error_code)).toEqual(
      expect.arrayContaining(['CITIZEN_NOT_FOUND', 'SOCIALCONTRACT_NOT_FOUND', 'SCHEMA_VIOLATION']),
    );
    expect(dead.find((d) => d.error_code === 'SCHEMA_VIOLATION')!.error).toContain('ИНН');
    expect(await count(sut.db, 'partner_event', 'contract_id = $1', [c.id])).toBe(1);
  });

  it('opens an application from a КЦСОН referral (M4), completes it with the household, and lists the specialist’s deadlines', async () => {
    at('2026-11-23');
    const snils = validSnils(4010);
    const citizenId = deriveCitizenId(snils, DEV_CITIZEN_ID_SECRET);
    const d = {
      referralId: uuidv7(),
      citizenId,
      fromAgency: 'SOCIAL_SERVICE',
      toAgency: 'SOCIAL_PROTECTION',
      senderCaseId: uuidv7(),
      basis: 'LOW_INCOME',
      person: { snils, lastName: 'Орлова', firstName: 'Вера', birthDate: '1985-02-02' },
      needs,
      sentAt: '2026-11-23T02:00:00Z',
      territory: TEST_TERRITORY,
    };
    await sut.bus.publish([
      toRecord(
        `${sut.prefix}${TOPICS.referrals}`,
        newEnvelope(referralForContractV1.type, 'SOCIAL_SERVICE', citizenId, d),
      ),
    ]);
    const [app] = await eventually(async () => {
      const rows = await query(sut.db, 'select id, decision_due_date::text from sc_application where citizen_id = $1', [
        citizenId,
      ]);
      return rows.length ? rows : undefined;
    });
    expect(app.decision_due_date).toBe('2026-12-03');
    await ok(`mutation($i: AssignCaseInput!) { assignScApplication(input: $i) { assignedTo } }`, {
      i: { applicationId: app.id, assignedTo: 'spec-2' },
    });
    const upd = `mutation($i: UpdateApplicationDataInput!) { updateApplicationData(input: $i) { household { relation } } }`;
    await ok(upd, {
      i: {
        applicationId: app.id,
        household: [
          { relation: 'APPLICANT', fullName: 'Орлова Вера', birthDate: '1985-02-02', incomes: wages(900_000) },
        ],
      },
    });
    at('2026-12-04');
    const spec2 = await tokenFor('SOCIAL_PROTECTION', ['SPECIALIST'], 'spec-2');
    const dl = (await ok(`{ deadlines { kind dueDate overdue application { id } } }`, {}, spec2)).deadlines;
    expect(dl).toEqual([
      { kind: 'APPLICATION_DECISION', dueDate: '2026-12-03', overdue: true, application: { id: app.id } },
    ]);
    await ok(`mutation($i: RunMeansTestInput!) { runMeansTest(input: $i) { status } }`, {
      i: { applicationId: app.id },
    });
    expect(
      await refused(upd, { i: { applicationId: app.id, household: [] } }, sut.token, ['sc_application']),
    ).toMatchObject({ code: 'CONFLICT', domainCode: 'APPLICATION_DATA_LOCKED' });
    expect((await ok(`{ deadlines { kind } }`, {}, spec2)).deadlines).toEqual([]);
    // other agencies see the application but not the household or the means test
    const asKcson = (
      await ok(
        `query($id: ID!) { scApplication(id: $id) { status household { relation } meansTest { eligible } } }`,
        { id: app.id },
        await tokenFor('SOCIAL_SERVICE'),
      )
    ).scApplication;
    expect(asKcson).toEqual({ status: 'SURVEY_AND_INTERVIEW', household: null, meansTest: null });
  });

  it('resolves Citizen entities with their contracts (federation)', async () => {
    const citizenId = deriveCitizenId(validSnils(4006), DEV_CITIZEN_ID_SECRET);
    const r = await ok(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Citizen { id socialContracts { status direction } } } }`,
      { reps: [{ __typename: 'Citizen', id: citizenId }] },
    );
    expect(r._entities).toEqual([
      { id: citizenId, socialContracts: [{ status: 'EXTENDED', direction: 'JOB_SEARCH' }] },
    ]);
  });
  it('told each citizen what was decided and what is expected of them (M10), in messages integrators validate', async () => {
    // The deadline check reminds the citizen of the monthly report the day before it is due, with the specialist.
    const reports = (await ok(`{ deadlines(withinDays: 366) { kind dueDate contract { id } } }`, {})).deadlines.filter(
      (d: { kind: string; overdue: boolean }) => d.kind === 'MONTHLY_REPORT',
    );
    const next = reports.find((d: { dueDate: string }) => d.dueDate > '2026-12-01')!;
    at(addDays(next.dueDate, -1));
    expect(await runJob(sut.svc, sut.db, 'social-protection.deadlines')).toBe('completed');
    const rows = await query(sut.db, `select key, payload from outbox_message where type = $1 order by seq`, [
      citizenNoticeV1.type,
    ]);
    const notices = rows.map((r) => ({ key: r.key, ...citizenNoticeV1.schema.parse(JSON.parse(r.payload)) }));
    expect(notices.every((n) => n.key === n.citizenId)).toBe(true);
    const kinds = new Set(notices.map((n) => n.kind));
    for (const k of [
      'APPLICATION_REFUSED',
      'APPLICATION_APPROVED',
      'CONTRACT_CONCLUDED',
      'CONTRACT_EXTENDED',
      'REPAYMENT_DEMANDED',
    ])
      expect(kinds).toContain(k);
    const refused = notices.find((n) => n.kind === 'APPLICATION_REFUSED' && n.reasons?.includes('2010000'));
    expect(refused?.text).toMatch(/^В назначении государственной социальной помощи .* отказано\. Причина: /);
    const concluded = notices.find((n) => n.kind === 'CONTRACT_CONCLUDED')!;
    expect(concluded.payments!.length).toBeGreaterThan(0);
    expect(concluded.text).toMatch(
      /^Заключён социальный контракт № \S+ на срок с \d{4}-\d{2}-\d{2} по \d{4}-\d{2}-\d{2}/,
    );
    const repay = notices.find((n) => n.kind === 'REPAYMENT_DEMANDED')!;
    expect(repay).toMatchObject({ reasons: 'нецелевое использование средств', caseType: 'SocialContract' });
    expect(repay.amountKopecks).toBeGreaterThan(0);
    expect(repay.text).toContain(`до ${repay.dueDate}`);
    expect(notices).toContainEqual(
      expect.objectContaining({ kind: 'MONTHLY_REPORT_DUE', caseId: next.contract.id, dueDate: next.dueDate }),
    );
  });
});
