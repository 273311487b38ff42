import { employmentServiceEventV1, socialServicesDeliveredV1, TOPICS, type MessageInput } from '@sc/contracts';
import { ManualClock, uuidv7 } from '@sc/kernel';
import { newEnvelope, toRecord, type IncomingRecord, type KafkaBus, type Subscription } from '@sc/messaging';
import {
  count,
  deadlineNotices,
  eventually,
  gql,
  graphqlClient,
  runJob,
  testKafkaBus,
  tokenFor,
  uniqueSuffix,
  validSnils,
} from '@sc/testing';
import { agreeProgrammeThroughGateway, concludeEffectivenessAtMeeting } from './social-protection.flow';
import { startTestStack, type TestStack } from './test-stack';

/**
 * Seed 000, the ЦСПН column, as one scenario through the gateway: application
 * → means test → home survey → ПСА → commission → contract → payments,
 * partner reports, monthly report and visit → end → evaluation → 12 months of
 * monitoring → closed. Messages to ЦЗН and КЦСОН (M2, M5, M7) are read off
 * the broker; their reports (M3, M6) are published to it as those agencies
 * send them, and ЦСПН's consumer applies them.
 */
const clock = new ManualClock('2026-11-23T03:00:00Z');
const at = (d: string) => clock.set(`${d}T03:00:00Z`);

const SUBMIT = `mutation($i: SubmitScApplicationInput!) { submitScApplication(input: $i) { id status decisionDueDate citizen { id } } }`;
const APP = `query($id: ID!) { scApplication(id: $id) { id status household { relation incomes { month } } meansTest { perCapitaIncomeKopecks subsistenceMinimumKopecks eligible periodFrom periodTo excludedIncomeKopecks } homeSurvey { surveyDate } programme { id status } contract { id } } }`;
const CONTRACT = `query($id: ID!) { socialContract(id: $id) {
  id number status startDate endDate direction
  activities { id kind status responsibleAgency overdue }
  payments { no status dueDate amountKopecks }
  employment { employerInn position }
  obligations { period reportSubmitted reportOverdue visitsDone visitOverdue }
  monthlyReports { period status partnerNotes { agency kind } spentTotalKopecks }
  controlVisits { visitDate }
  partnerEvents { agency kind effect }
  evaluation { effective perCapitaIncomeBeforeKopecks perCapitaIncomeAfterKopecks incomeIncreased }
  postMonitoring { endDate checkpoints { no dueDate doneOn } }
} }`;

describe('social contract, seed 000 ЦСПН path, end to end through the gateway and the Kafka-protocol broker', () => {
  let s: TestStack;
  let spec: string;
  let member: string;
  let head: string;
  let tap: KafkaBus;
  let sub: Subscription;
  const seen: IncomingRecord[] = [];

  beforeAll(async () => {
    s = await startTestStack({ clock });
    spec = await tokenFor('SOCIAL_PROTECTION', ['SPECIALIST'], 'sp-specialist');
    member = await tokenFor('SOCIAL_PROTECTION', ['COMMISSION_MEMBER'], 'sp-mvk');
    head = await tokenFor('SOCIAL_PROTECTION', ['HEAD'], 'sp-head');
    // An integrator's view of the topics: everything ЦСПН tells ЦЗН and КЦСОН.
    tap = testKafkaBus(`tap-${uniqueSuffix()}`);
    sub = await tap.subscribe({
      groupId: `tap-${uniqueSuffix()}`,
      topics: [TOPICS.contracts, TOPICS.commission].map((t) => `${s.topicPrefix}${t}`),
      handle: async (r) => void seen.push(r),
    });
  }, 120_000);
  afterAll(async () => {
    await sub?.stop();
    await tap?.close();
    await s?.stop();
  }, 60_000);

  const ok = (q: string, v: Record<string, unknown>, token: string) => graphqlClient(s.gatewayUrl, token).ok(q, v);
  /** The newest message of a type on the broker (matching `where`), once it has arrived. */
  const received = (type: string, where: (d: any) => boolean = () => true) =>
    eventually(async () =>
      seen
        .filter((r) => r.headers.ce_type === type)
        .map((r) => JSON.parse(r.value))
        .filter(where)
        .at(-1),
    );
  const publish = (type: string, citizenId: string, from: 'EMPLOYMENT' | 'SOCIAL_SERVICE', data: unknown) =>
    tap.publish([toRecord(`${s.topicPrefix}${TOPICS.serviceReports}`, newEnvelope(type, from, citizenId, data))]);

  it('walks a job-search contract from application to closure', async () => {
    const sp = s.db['social-protection'];
    // 1. Приём заявления с анкетой, составом семьи и доходами за расчётный период (июль–сентябрь 2026)
    const income = (m: string, a: number) => ({ month: m, kind: 'WAGES', amountKopecks: a });
    const submitted = (
      await ok(
        SUBMIT,
        {
          i: {
            citizen: { snils: validSnils(3001), lastName: 'Смирнова', firstName: 'Ольга', birthDate: '1990-05-05' },
            zone: 'WHOLE_REGION',
            needs: {
              socialHelp: true,
              psychologicalSupport: true,
              employmentHelp: true,
              vocationalTraining: true,
              financialLiteracy: false,
            },
            proposedDirection: 'JOB_SEARCH',
            household: [
              {
                relation: 'APPLICANT',
                fullName: 'Смирнова Ольга',
                birthDate: '1990-05-05',
                incomes: [income('2026-07', 2_000_000), income('2026-08', 2_000_000), income('2026-09', 2_000_000)],
              },
              {
                relation: 'CHILD',
                fullName: 'Смирнов Илья',
                birthDate: '2016-03-01',
                incomes: [{ month: '2026-08', kind: 'UNIFIED_CHILD_ALLOWANCE', amountKopecks: 1_500_000 }],
              },
            ],
            documents: [
              { kind: 'паспорт', provided: true },
              { kind: 'справка о доходах', provided: true },
            ],
          },
        },
        spec,
      )
    ).submitScApplication;
    expect(submitted).toMatchObject({ status: 'REGISTERED', decisionDueDate: '2026-12-03' });
    const appId = submitted.id;
    const citizenId = submitted.citizen.id;

    // 2. Проверка нуждаемости: (3 × 20 000 ₽) / 3 / 2 = 10 000 ₽ < ПМ 20 075 ₽; ЕП excluded
    await ok(
      `mutation($i: RunMeansTestInput!) { runMeansTest(input: $i) { status } }`,
      { i: { applicationId: appId } },
      spec,
    );
    // 3. Собеседование и акт обследования
    await ok(
      `mutation($i: RecordHomeSurveyInput!) { recordHomeSurvey(input: $i) { status } }`,
      {
        i: {
          applicationId: appId,
          surveyDate: '2026-11-23',
          address: 'г. Иркутск, ул. Ленина, 1-1',
          livingConditions: 'двухкомнатная квартира',
          interviewNotes: 'готова пройти обучение',
          conclusion: 'семья малоимущая',
        },
      },
      spec,
    );
    let app = (await ok(APP, { id: appId }, spec)).scApplication;
    expect(app.status).toBe('PSA_DRAFTING');
    expect(app.meansTest).toEqual({
      perCapitaIncomeKopecks: 1_000_000,
      subsistenceMinimumKopecks: 2_007_500,
      eligible: true,
      periodFrom: '2026-07',
      periodTo: '2026-09',
      excludedIncomeKopecks: 1_500_000,
    });

    // 4. ПСА with the partners' activities
    const DRAFT = `mutation($i: DraftAdaptationProgrammeInput!) { draftAdaptationProgramme(input: $i) { id status revision plannedEnd activities { id kind responsibleAgency standard } } }`;
    const draftInput = {
      i: {
        applicationId: appId,
        direction: 'JOB_SEARCH',
        termMonths: 9,
        plannedStart: '2026-12-01',
        activities: [
          {
            kind: 'VOCATIONAL_TRAINING',
            description: 'Обучение по профессии «Повар»',
            responsibleAgency: 'EMPLOYMENT',
            startDate: '2026-12-10',
            dueDate: '2027-03-31',
            costKopecks: 2_800_000,
          },
          {
            kind: 'EMPLOYMENT',
            description: 'Трудоустройство',
            responsibleAgency: 'EMPLOYMENT',
            startDate: '2027-01-01',
            dueDate: '2027-06-30',
          },
          {
            kind: 'PSYCHOLOGICAL_SUPPORT',
            description: 'Семейный навигатор',
            responsibleAgency: 'SOCIAL_SERVICE',
            startDate: '2026-12-01',
            dueDate: '2027-02-28',
          },
        ],
      },
    };
    let prog = (await ok(DRAFT, draftInput, spec)).draftAdaptationProgramme;
    expect(prog.plannedEnd).toBe('2027-08-31');
    expect(prog.activities.map((a: { kind: string }) => a.kind)).toEqual([
      'VOCATIONAL_TRAINING',
      'EMPLOYMENT',
      'PSYCHOLOGICAL_SUPPORT',
      'JOB_SEEKER_REGISTRATION',
      'FINANCIAL_LITERACY',
    ]);

    // 4a. Agreement (seed 000 step 3): the draft reached ЦЗН and КЦСОН by M7, each with its own activities.
    const kcson = await tokenFor('SOCIAL_SERVICE', ['SPECIALIST'], 'kcson-psa');
    const AT_KCSON = `query($id: ID!) { socialServiceProgrammeDraft(programmeId: $id) { revision status citizen { id } activities { activityId kind } } }`;
    const atKcson = await eventually(
      async () => (await ok(AT_KCSON, { id: prog.id }, kcson)).socialServiceProgrammeDraft,
    );
    expect(atKcson).toMatchObject({ revision: 1, status: 'PENDING', citizen: { id: citizenId } });
    expect(atKcson.activities.map((a: { kind: string }) => a.kind)).toEqual([
      'PSYCHOLOGICAL_SUPPORT',
      'FINANCIAL_LITERACY',
    ]);
    const navigator = atKcson.activities[0].activityId;
    await ok(
      `mutation($i: AnswerProgrammeDraftInput!) { answerSocialServiceProgrammeDraft(input: $i) { status } }`,
      {
        i: {
          programmeId: prog.id,
          decision: 'CHANGES_PROPOSED',
          comment: 'Семейный навигатор занят до января',
          proposals: [
            { activityId: navigator, description: 'Сопровождение навигатора — до 31.03.2027', dueDate: '2027-03-31' },
          ],
        },
      },
      kcson,
    );
    const AGREEMENTS = `query($id: ID!) { adaptationProgramme(id: $id) { revision agreed agreements { party status comment proposals { dueDate } } } }`;
    const proposed = await eventually(async () => {
      const a = (await ok(AGREEMENTS, { id: prog.id }, spec)).adaptationProgramme;
      return a.agreements.some((x: { status: string }) => x.status === 'CHANGES_PROPOSED') ? a : undefined;
    });
    expect(proposed.agreements).toContainEqual({
      party: 'SOCIAL_SERVICE',
      status: 'CHANGES_PROPOSED',
      comment: 'Семейный навигатор занят до января',
      proposals: [{ dueDate: '2027-03-31' }],
    });
    const SUBMIT_PSA = `mutation($id: ID!) { submitProgrammeToCommission(input: { programmeId: $id }) { status } }`;
    expect(
      (await graphqlClient(s.gatewayUrl, spec).call(SUBMIT_PSA, { id: prog.id })).errors?.[0]?.extensions,
    ).toMatchObject({ code: 'CONFLICT', domainCode: 'PSA_NOT_AGREED' });
    // The specialist takes the proposal: revision 2, agreed by the citizen, ЦЗН and КЦСОН in their subgraphs.
    draftInput.i.activities[2]!.dueDate = '2027-03-31';
    prog = (await ok(DRAFT, draftInput, spec)).draftAdaptationProgramme;
    expect(prog.revision).toBe(2);
    await agreeProgrammeThroughGateway(s.gatewayUrl, spec, prog.id);
    await ok(SUBMIT_PSA, { id: prog.id }, spec);
    // The commission's agenda: programmes on review in the district, the longest waiting first.
    const agenda = (
      await ok(`{ programmesAwaitingCommission { totalCount edges { node { id territory } } } }`, {}, spec)
    ).programmesAwaitingCommission;
    expect(agenda.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(prog.id);
    expect(agenda.totalCount).toBe(agenda.edges.length);

    // 5. МВК: members of the three agencies; ЦЗН and КЦСОН invited by message (M7)
    const meeting = (
      await ok(
        `mutation($i: ScheduleCommissionMeetingInput!) { scheduleCommissionMeeting(input: $i) { id agenda { id } } }`,
        {
          i: {
            meetingDate: '2026-11-27',
            place: 'Иркутск',
            members: [
              { name: 'Сидоров А. В.', agency: 'SOCIAL_PROTECTION', role: 'CHAIR' },
              { name: 'Петрова О. И.', agency: 'EMPLOYMENT', role: 'MEMBER' },
              { name: 'Орлова Е. С.', agency: 'SOCIAL_SERVICE', role: 'MEMBER' },
            ],
          },
        },
        spec,
      )
    ).scheduleCommissionMeeting;
    expect(meeting.agenda.map((p: { id: string }) => p.id)).toContain(prog.id);
    const meetings = (
      await ok(
        `{ commissionMeetings(filter: { status: [SCHEDULED] }) { totalCount edges { node { id territory } } } }`,
        {},
        spec,
      )
    ).commissionMeetings;
    expect(meetings.edges).toContainEqual({ node: { id: meeting.id, territory: '25701000' } });
    const invitation = await received('commission.invitation.v1');
    expect(invitation).toMatchObject({ meetingId: meeting.id, meetingDate: '2026-11-27' });
    expect(invitation.agenda.find((x: { programmeId: string }) => x.programmeId === prog.id)).toMatchObject({
      citizenId,
      direction: 'JOB_SEARCH',
      termMonths: 9,
    });

    at('2026-11-27');
    const decide = `mutation($i: RecordCommissionDecisionInput!) { recordCommissionDecision(input: $i) { decisions { decision } } }`;
    const bySpecialist = await gql(
      s.gatewayUrl,
      decide,
      { i: { meetingId: meeting.id, programmeId: prog.id, decision: 'APPROVE' } },
      spec,
    );
    expect(bySpecialist.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'ACCESS_POLICY' });
    await ok(decide, { i: { meetingId: meeting.id, programmeId: prog.id, decision: 'APPROVE' } }, member);
    const closed = (
      await ok(
        `mutation($i: CloseCommissionMeetingInput!) { closeCommissionMeeting(input: $i) { status minutes } }`,
        { i: { meetingId: meeting.id, attended: ['Сидоров А. В.', 'Петрова О. И.', 'Орлова Е. С.'] } },
        member,
      )
    ).closeCommissionMeeting;
    expect(closed.status).toBe('HELD');
    expect(closed.minutes).toContain(`Заявление ${appId}: программу социальной адаптации одобрить`);
    expect(await received('commission.decisions.v1')).toMatchObject({
      meetingId: meeting.id,
      decisions: [{ programmeId: prog.id, decision: 'APPROVE' }],
    });
    // ЦЗН's member finds the meeting among the agency's invitations, with the agenda and, once held, the decisions.
    const cznMember = await tokenFor('EMPLOYMENT', ['COMMISSION_MEMBER'], 'czn-mvk');
    const INVITES = `{ employmentCommissionInvitations { totalCount edges { node {
      meetingId territory meetingDate invited { name agency } agenda { programmeId citizen { id } } heldAt decisions { programmeId decision } } } } }`;
    const invites = await eventually(async () => {
      const r = (await gql(s.gatewayUrl, INVITES, {}, cznMember)).data?.employmentCommissionInvitations;
      return r?.edges.find((e: any) => e.node.meetingId === meeting.id && e.node.heldAt)?.node;
    });
    expect(invites).toMatchObject({
      territory: '25701000',
      meetingDate: '2026-11-27',
      invited: [{ name: 'Петрова О. И.', agency: 'EMPLOYMENT' }],
      agenda: [{ programmeId: prog.id, citizen: { id: citizenId } }],
      decisions: [{ programmeId: prog.id, decision: 'APPROVE' }],
    });
    const elsewhere = await tokenFor('EMPLOYMENT', ['COMMISSION_MEMBER'], 'czn-mvk-2', '25607000');
    expect((await gql(s.gatewayUrl, INVITES, {}, elsewhere)).data.employmentCommissionInvitations.totalCount).toBe(0);

    // 6. Заключение контракта → M2 to ЦЗН, M5 to КЦСОН with their activities
    at('2026-11-30');
    const contract = (
      await ok(
        `mutation($i: ConcludeSocialContractInput!) { concludeSocialContract(input: $i) { id number status startDate endDate } }`,
        { i: { applicationId: appId, signedOn: '2026-11-30' } },
        spec,
      )
    ).concludeSocialContract;
    expect(contract).toMatchObject({ status: 'SIGNED', startDate: '2026-12-01', endDate: '2027-08-31' });
    // The specialist's worklist of contracts finds it by status, direction and the end of its term.
    const LIST = `query($f: SocialContractFilter) { socialContracts(filter: $f) { totalCount edges { node { id } } } }`;
    const listed = (f: Record<string, unknown>) => ok(LIST, { f }, spec).then((d) => d.socialContracts);
    expect(await listed({ status: ['SIGNED'], direction: 'JOB_SEARCH', endingFrom: '2027-08-31' })).toEqual({
      totalCount: 1,
      edges: [{ node: { id: contract.id } }],
    });
    expect((await listed({ endingTo: '2027-08-30' })).totalCount).toBe(0);
    expect((await listed({ direction: 'BUSINESS' })).totalCount).toBe(0);
    // Another district's ЦСПН sees none of Иркутск's contracts, meetings or agenda.
    const bayanday = await tokenFor('SOCIAL_PROTECTION', ['SPECIALIST'], 'sp-bayanday', '25607000');
    for (const list of ['socialContracts', 'commissionMeetings', 'programmesAwaitingCommission', 'incomingReferrals']) {
      const q = `{ ${list} { totalCount } }`;
      expect([list, (await ok(q, {}, bayanday))[list].totalCount]).toEqual([list, 0]);
    }
    expect((await ok(`{ commissionMeetings { totalCount } }`, {}, spec)).commissionMeetings.totalCount).toBeGreaterThan(
      0,
    );
    const m2 = await received('contract.concluded-for-employment.v1');
    expect(m2).toMatchObject({
      contractId: contract.id,
      toAgency: 'EMPLOYMENT',
      fullPackageRequested: true,
      trainingNeeded: true,
      trainingCapKopecks: 3_000_000,
    });
    expect(m2.activities.map((a: { kind: string }) => a.kind).sort()).toEqual([
      'EMPLOYMENT',
      'JOB_SEEKER_REGISTRATION',
      'VOCATIONAL_TRAINING',
    ]);
    const m5 = await received('contract.concluded-for-social-service.v1');
    expect(m5).toMatchObject({
      contractId: contract.id,
      toAgency: 'SOCIAL_SERVICE',
      accompanimentRequested: true,
      serviceUntil: '2028-08-31',
    });
    expect(m5.activities.map((a: { kind: string }) => a.kind).sort()).toEqual([
      'FINANCIAL_LITERACY',
      'PSYCHOLOGICAL_SUPPORT',
    ]);

    // 7. The first payment starts the contract
    at('2026-12-01');
    expect(
      (
        await ok(
          `mutation($i: RecordPaymentInput!) { recordContractPayment(input: $i) { status } }`,
          { i: { contractId: contract.id, paymentNo: 1, paidOn: '2026-12-01' } },
          spec,
        )
      ).recordContractPayment.status,
    ).toBe('ACTIVE');

    // 8. ЦЗН (M3) and КЦСОН (M6) report; ЦСПН's activities and payments react
    const training = m2.activities.find((a: { kind: string }) => a.kind === 'VOCATIONAL_TRAINING');
    const psych = m5.activities.find((a: { kind: string }) => a.kind === 'PSYCHOLOGICAL_SUPPORT');
    const m3 = (e: Record<string, unknown>): MessageInput<typeof employmentServiceEventV1> =>
      ({ eventId: uuidv7(), citizenId, contractId: contract.id, ...e }) as never;
    await publish(
      employmentServiceEventV1.type,
      citizenId,
      'EMPLOYMENT',
      m3({ kind: 'REGISTERED', registrationStatus: 'UNEMPLOYED', occurredOn: '2026-12-02' }),
    );
    await publish(
      employmentServiceEventV1.type,
      citizenId,
      'EMPLOYMENT',
      m3({
        kind: 'TRAINING_STARTED',
        psaActivityId: training.activityId,
        training: { programme: 'Повар' },
        occurredOn: '2026-12-10',
      }),
    );
    await publish(
      employmentServiceEventV1.type,
      citizenId,
      'EMPLOYMENT',
      m3({
        kind: 'TRAINING_COMPLETED',
        psaActivityId: training.activityId,
        training: { programme: 'Повар', certificate: 'св. № 7' },
        occurredOn: '2026-12-25',
      }),
    );
    const m6: MessageInput<typeof socialServicesDeliveredV1> = {
      reportId: uuidv7(),
      citizenId,
      contractId: contract.id,
      services: [
        {
          code: 'PSY_CONSULT',
          name: 'психологическое консультирование',
          deliveredOn: '2026-12-15',
          volume: 3,
          unit: 'сеанс',
          actId: uuidv7(),
          psaActivityId: psych.activityId,
          completesActivity: true,
        },
      ],
      reportedAt: '2026-12-16T05:00:00.000Z',
    };
    await publish(socialServicesDeliveredV1.type, citizenId, 'SOCIAL_SERVICE', m6);
    await eventually(async () => (await count(sp, 'partner_event', 'contract_id = $1', [contract.id])) === 4);

    // 9. Ежемесячный отчёт за декабрь, pre-filled from the partners; a control visit
    at('2027-01-10');
    const draft = (
      await ok(
        `query($c: ID!) { monthlyReportDraft(contractId: $c, period: "2026-12") { partnerNotes { agency kind } completedByPartners } }`,
        { c: contract.id },
        spec,
      )
    ).monthlyReportDraft;
    expect(draft.partnerNotes.map((n: { kind: string }) => n.kind)).toEqual([
      'REGISTERED',
      'TRAINING_STARTED',
      'SERVICE:PSY_CONSULT',
      'TRAINING_COMPLETED',
    ]);
    expect(draft.completedByPartners).toEqual(expect.arrayContaining([training.activityId, psych.activityId]));
    const report = (
      await ok(
        `mutation($i: SubmitMonthlyReportInput!) { submitMonthlyReport(input: $i) { id status spentTotalKopecks partnerNotes { agency } } }`,
        {
          i: {
            contractId: contract.id,
            period: '2026-12',
            submittedOn: '2027-01-09',
            activityProgress: [],
            spending: [
              { purpose: 'продукты', amountKopecks: 1_500_000 },
              { purpose: 'проезд на обучение', amountKopecks: 300_000 },
            ],
          },
        },
        spec,
      )
    ).submitMonthlyReport;
    expect(report).toMatchObject({ status: 'SUBMITTED', spentTotalKopecks: 1_800_000 });
    expect(report.partnerNotes).toHaveLength(4);
    await ok(
      `mutation($i: ReviewMonthlyReportInput!) { reviewMonthlyReport(input: $i) { status } }`,
      { i: { reportId: report.id, accept: true } },
      spec,
    );
    await ok(
      `mutation($i: RecordControlVisitInput!) { recordControlVisit(input: $i) { id } }`,
      {
        i: {
          contractId: contract.id,
          visitDate: '2026-12-20',
          findings: 'условия соответствуют',
          spendingConfirmed: true,
        },
      },
      spec,
    );

    // ЦЗН confirms employment: the three remaining payments are released
    await publish(
      employmentServiceEventV1.type,
      citizenId,
      'EMPLOYMENT',
      m3({
        kind: 'EMPLOYED',
        employment: {
          employerInn: '500100732259',
          employerName: 'ООО «Кухня»',
          contractDate: '2027-02-01',
          position: 'повар',
          wageKopecks: 5_500_000,
        },
        occurredOn: '2027-02-01',
      }),
    );
    const running = await eventually(async () => {
      const c = (await ok(CONTRACT, { id: contract.id }, spec)).socialContract;
      return c.employment ? c : undefined;
    });
    const status = (k: string) => running.activities.find((a: { kind: string }) => a.kind === k).status;
    expect([
      status('JOB_SEEKER_REGISTRATION'),
      status('VOCATIONAL_TRAINING'),
      status('PSYCHOLOGICAL_SUPPORT'),
      status('EMPLOYMENT'),
    ]).toEqual(['DONE', 'DONE', 'DONE', 'DONE']);
    expect(running.payments.map((p: { status: string; dueDate: string }) => [p.status, p.dueDate])).toEqual([
      ['PAID', '2026-12-01'],
      ['SCHEDULED', '2027-02-01'],
      ['SCHEDULED', '2027-03-01'],
      ['SCHEDULED', '2027-04-01'],
      ['SCHEDULED', '2026-12-10'],
    ]);
    expect(running.obligations).toEqual([
      { period: '2026-12', reportSubmitted: true, reportOverdue: false, visitsDone: 1, visitOverdue: false },
      { period: '2027-01', reportSubmitted: false, reportOverdue: false, visitsDone: 0, visitOverdue: false },
    ]);
    // The worklist of contracts with a report or visit overdue: none now; in late February, January's are.
    const OVERDUE = `{ socialContracts(filter: { obligationsOverdue: true }) { totalCount edges { node { id } } } }`;
    expect((await ok(OVERDUE, {}, spec)).socialContracts.totalCount).toBe(0);
    at('2027-02-25');
    expect((await ok(OVERDUE, {}, spec)).socialContracts.edges).toEqual([{ node: { id: contract.id } }]);
    at('2027-01-10');
    // The specialist's deadlines: the open financial-literacy activity, January's report and visit, the training payment overdue
    const deadlines = (await ok(`{ deadlines(withinDays: 40) { kind dueDate overdue contract { id } } }`, {}, spec))
      .deadlines;
    expect(deadlines[0]).toMatchObject({ kind: 'PAYMENT', dueDate: '2026-12-10', overdue: true });
    expect(deadlines.map((d: { kind: string }) => d.kind)).toEqual(
      expect.arrayContaining(['MONTHLY_REPORT', 'CONTROL_VISIT', 'PSA_ACTIVITY']),
    );

    // ЦЗН sees the contract and its activities but neither payments nor the household
    const asEmployment = (
      await ok(
        `query($c: ID!) { citizen(id: $c) { socialContracts { status payments { no } activities { kind } application { household { relation } } } } }`,
        { c: citizenId },
        await tokenFor('EMPLOYMENT'),
      )
    ).citizen;
    expect(asEmployment.socialContracts[0]).toMatchObject({
      status: 'ACTIVE',
      payments: null,
      application: { household: null },
    });

    // The scheduler's deadline check, as each day comes: the specialist reads in their list (and integrators on
    // sc.notifications.v1) that the contract's end is near; later, that the first monitoring checkpoint is.
    const noticesOf = async () => {
      expect(await runJob(s.services['social-protection'], sp, 'social-protection.deadlines')).toBe('completed');
      const list = (
        await ok(`{ socialProtectionNotifications { edges { node { text stage dueDate caseId } } } }`, {}, spec)
      ).socialProtectionNotifications.edges.map((e: { node: Record<string, string> }) => e.node);
      const onTopic = await deadlineNotices(sp, contract.id);
      return {
        list: list.filter((n: Record<string, string>) => n.caseId === contract.id),
        kinds: onTopic.map((n) => `${n.kind}:${n.stage}`),
      };
    };
    at('2027-08-29');
    const ending = await noticesOf();
    expect(ending.kinds).toContain('CONTRACT_END:APPROACHING');
    expect(ending.list).toContainEqual({
      text: 'окончание срока; решение о продлении — с 2027-07-31: срок 2027-08-31 наступает',
      stage: 'APPROACHING',
      dueDate: '2027-08-31',
      caseId: contract.id,
    });

    // 10. Term over → ENDED; the commission's conclusion with incomes before and after
    at('2027-09-01');
    expect(
      (
        await ok(
          `mutation($c: ID!) { endSocialContract(input: { contractId: $c }) { status } }`,
          { c: contract.id },
          spec,
        )
      ).endSocialContract.status,
    ).toBe('ENDED');
    expect(await received('contract.status-changed.v1', (d) => d.status === 'ENDED')).toMatchObject({
      contractId: contract.id,
      previousStatus: 'ACTIVE',
      endDate: '2027-08-31',
    });
    expect(
      await concludeEffectivenessAtMeeting({
        gatewayUrl: s.gatewayUrl,
        today: '2027-09-01',
        contractId: contract.id,
        specialist: spec,
        commissionMember: member,
        admin: await tokenFor('SOCIAL_PROTECTION', ['ADMIN'], 'sp-admin'),
        householdIncomeAfterKopecks: 5_500_000,
        householdMembersAfter: 2,
        conclusion: 'трудоустроена, доход семьи вырос',
      }),
    ).toBe('EVALUATED_EFFECTIVE');
    // 11. 12 months of monitoring, quarterly checkpoints, then closed
    await ok(
      `mutation($c: ID!) { startPostMonitoring(input: { contractId: $c }) { status } }`,
      { c: contract.id },
      spec,
    );
    at('2027-11-28');
    expect((await noticesOf()).kinds).toContain('POST_MONITORING_CHECKPOINT:APPROACHING');
    at('2028-09-01');
    for (const [no, d] of [
      [1, '2027-11-30'],
      [2, '2028-02-28'],
      [3, '2028-05-31'],
      [4, '2028-08-31'],
    ] as const) {
      await ok(
        `mutation($i: RecordCheckpointInput!) { recordPostMonitoringCheckpoint(input: $i) { status } }`,
        {
          i: {
            contractId: contract.id,
            checkpointNo: no,
            doneOn: d,
            format: 'REMOTE',
            employed: true,
            perCapitaIncomeKopecks: 2_750_000,
          },
        },
        spec,
      );
    }
    expect(
      (
        await ok(
          `mutation($c: ID!) { closeSocialContract(input: { contractId: $c }) { status } }`,
          { c: contract.id },
          spec,
        )
      ).closeSocialContract.status,
    ).toBe('CLOSED');

    const final = (await ok(CONTRACT, { id: contract.id }, head)).socialContract;
    expect(final.evaluation).toEqual({
      effective: true,
      perCapitaIncomeBeforeKopecks: 1_000_000,
      perCapitaIncomeAfterKopecks: 2_750_000,
      incomeIncreased: true,
    });
    expect(final.postMonitoring).toMatchObject({ endDate: '2028-08-31' });
    expect(final.postMonitoring.checkpoints.every((c: { doneOn: string | null }) => c.doneOn)).toBe(true);
    expect(final.monthlyReports).toEqual([
      { period: '2026-12', status: 'ACCEPTED', partnerNotes: expect.any(Array), spentTotalKopecks: 1_800_000 },
    ]);
    app = (await ok(APP, { id: appId }, spec)).scApplication;
    expect(app).toMatchObject({
      status: 'CONTRACTED',
      programme: { id: prog.id, status: 'APPROVED' },
      contract: { id: contract.id },
    });
    // every change was audited in ЦСПН's own log
    expect(await count(sp, 'audit_log', `citizen_id = $1 and action = 'CHANGE'`, [citizenId])).toBeGreaterThan(20);
  }, 120_000);
});
