import { contractConcludedForSocialServiceV1, TOPICS } from '@sc/contracts';
import { deriveCitizenId, ManualClock, sha256, uuidv7 } from '@sc/kernel';
import { newEnvelope, toRecord } from '@sc/messaging';
import { DEV_CITIZEN_ID_SECRET } from '@sc/subgraph-kit';
import {
  count,
  eventually,
  query,
  SIGNATURE_PNG_BASE64,
  TEST_TERRITORY,
  tokenFor,
  validSnils,
  serviceUnderTest,
  countersAndSources,
  runJob,
  deadlineNotices,
} from '@sc/testing';
import { createSocialServiceServer } from '../src/server';
import { SOCIAL_SERVICE_STAT_SOURCES } from '../src/statistics/adapters/statistics.sql';

/** КЦСОН's services on their own: real PostgreSQL and the broker; M5 delivered as ЦСПН sends it, M6 read from the outbox. */
const clock = new ManualClock('2026-11-02T03:00:00Z');
const at = (d: string) => clock.set(`${d}T03:00:00Z`);
const person = (seed: number) => ({
  snils: validSnils(seed),
  lastName: 'Орлова',
  firstName: 'Елена',
  birthDate: '1992-02-02',
});

describe('КЦСОН urgent services, accompaniment and prevention (component, real PostgreSQL and broker)', () => {
  const sut = serviceUnderTest({
    name: 'social-service',
    create: createSocialServiceServer,
    clock,
    caller: { agency: 'SOCIAL_SERVICE', roles: ['SPECIALIST'], subject: 'kcson-1' },
  });
  const { call, ok, refused } = sut;

  const REQUEST = `mutation($i: RequestUrgentServicesInput!) { requestUrgentServices(input: $i) { id status anonymous citizen { id } } }`;
  const DELIVER = `mutation($i: RecordUrgentDeliveryInput!) { recordUrgentServiceDelivery(input: $i) { status deliveries { serviceCode quantity } } }`;
  const ISSUE = `mutation($i: IssueUrgentActInput!) { issueUrgentServiceAct(input: $i) { id number contentHash recipientName services { code quantity } signed } }`;
  const SIGN = `mutation($i: SignUrgentActInput!) { signUrgentServiceAct(input: $i) { signed signerName signatureSha256 intact } }`;

  it('lists the urgent-service catalogue as data (seed 001’s eleven and Irkutsk’s two)', async () => {
    const cat = (await ok(`{ urgentServiceCatalogue { code source anonymousAllowed } }`, {})).urgentServiceCatalogue;
    expect(cat).toHaveLength(13);
    expect(cat).toContainEqual({ code: 'EMERGENCY_PSYCHOLOGICAL_HELP', source: 'FEDERAL', anonymousAllowed: true });
    expect(cat).toContainEqual({ code: 'EMPLOYMENT_HELP', source: 'IRKUTSK', anonymousAllowed: false });
    const set = `mutation($i: SetUrgentServiceTypeInput!) { setUrgentServiceType(input: $i) { code active } }`;
    const entry = {
      code: 'HEATING_FUEL',
      name: 'обеспечение твёрдым топливом',
      source: 'REGIONAL',
      unit: 'м³',
      anonymousAllowed: false,
      active: true,
    };
    expect((await call(set, { i: entry }, sut.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admin = await tokenFor('SOCIAL_SERVICE', ['ADMIN']);
    expect((await call(set, { i: { ...entry, code: 'bad code' } }, admin)).errors?.[0]?.extensions).toMatchObject({
      field: 'input.code',
      rule: 'CODE_FORMAT',
    });
    expect((await ok(set, { i: entry }, admin)).setUrgentServiceType).toEqual({ code: 'HEATING_FUEL', active: true });
    const param = `mutation($i: SetSocialServiceParameterInput!) { setSocialServiceParameter(input: $i) { code value validFrom } }`;
    expect(
      (await ok(param, { i: { code: 'PREVENTION_CHECK_DAYS', value: 3, validFrom: '2027-01-01' } }, admin))
        .setSocialServiceParameter,
    ).toEqual({ code: 'PREVENTION_CHECK_DAYS', value: 3, validFrom: '2027-01-01' });
    expect(
      (await ok(`{ socialServiceParameters(onDate: "2026-12-31") { code value } }`, {})).socialServiceParameters,
    ).toContainEqual({ code: 'PREVENTION_CHECK_DAYS', value: 5 });
  });

  it('serves urgent help with a signed act that then cannot be altered, even by SQL', async () => {
    const tables = ['urgent_service_case', 'citizen'];
    expect(
      await refused(
        REQUEST,
        { i: { channel: 'WRITTEN_APPLICATION', circumstances: 'нет средств' } },
        sut.token,
        tables,
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.citizen', rule: 'IDENTITY_REQUIRED' });
    expect(
      await refused(
        REQUEST,
        { i: { citizen: person(701), channel: 'WRITTEN_APPLICATION', circumstances: 'нет средств' } },
        sut.token,
        tables,
      ),
    ).toMatchObject({ field: 'input.identityDocument', rule: 'IDENTITY_REQUIRED' });
    expect(
      await refused(
        REQUEST,
        { i: { anonymous: true, channel: 'WRITTEN_APPLICATION', circumstances: 'x' } },
        sut.token,
        tables,
      ),
    ).toMatchObject({ rule: 'ANONYMOUS_BY_PHONE_ONLY' });
    expect(
      await refused(
        REQUEST,
        {
          i: { citizen: person(701), identityDocument: 'паспорт', channel: 'WRITTEN_APPLICATION', circumstances: 'x' },
        },
        await tokenFor('SOCIAL_PROTECTION'),
        tables,
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const u = (
      await ok(REQUEST, {
        i: {
          citizen: person(701),
          identityDocument: 'паспорт 2515 000001',
          channel: 'ORGANISATION_NOTICE',
          notifiedBy: 'ОГБУЗ «Городская больница № 1»',
          circumstances: 'выписана, нет средств к существованию',
          decision: 'APPROVE',
        },
      })
    ).requestUrgentServices;
    expect(u.status).toBe('NEED_DECIDED');
    expect(
      await refused(
        DELIVER,
        { i: { caseId: u.id, serviceCode: 'NO_SUCH', quantity: 1, deliveredOn: '2026-11-02' } },
        sut.token,
        ['urgent_service_case'],
      ),
    ).toMatchObject({ field: 'input.serviceCode', rule: 'UNKNOWN_SERVICE_CODE' });
    expect(
      await refused(
        DELIVER,
        { i: { caseId: u.id, serviceCode: 'FOOD', quantity: -2, deliveredOn: '2026-11-02' } },
        sut.token,
        ['urgent_service_case'],
      ),
    ).toMatchObject({ field: 'input.quantity', rule: 'QUANTITY_RANGE' });
    await ok(DELIVER, { i: { caseId: u.id, serviceCode: 'FOOD', quantity: 2, deliveredOn: '2026-11-02' } });
    await ok(DELIVER, { i: { caseId: u.id, serviceCode: 'CLOTHING', quantity: 1, deliveredOn: '2026-11-02' } });
    const act = (await ok(ISSUE, { i: { caseId: u.id } })).issueUrgentServiceAct;
    expect(act).toMatchObject({
      recipientName: 'Орлова Елена',
      services: [
        { code: 'FOOD', quantity: 2 },
        { code: 'CLOTHING', quantity: 1 },
      ],
      signed: false,
    });
    expect(act.number).toMatch(/^ССУ-25-2026-\d{6}$/);
    // the tablet shows the canonical text; its SHA-256 is the hash the recipient signs
    const shown = (
      await ok(`query($id: ID!) { urgentServiceCase(id: $id) { act { canonicalContent } } }`, { id: u.id })
    ).urgentServiceCase.act.canonicalContent;
    expect(sha256(shown)).toBe(act.contentHash);
    expect(JSON.parse(shown)).toMatchObject({ number: act.number, services: [{ code: 'FOOD' }, { code: 'CLOTHING' }] });
    // a signature for another text, or not an image, does not verify
    expect(
      await refused(
        SIGN,
        {
          i: {
            actId: act.id,
            signaturePng: SIGNATURE_PNG_BASE64,
            shownActHash: 'f'.repeat(64),
            signerName: 'Орлова Е.',
          },
        },
        sut.token,
        ['urgent_service_act'],
      ),
    ).toMatchObject({ field: 'input.shownActHash', rule: 'SIGNATURE_NOT_VERIFIED' });
    expect(
      await refused(
        SIGN,
        {
          i: {
            actId: act.id,
            signaturePng: Buffer.from('x'.repeat(100)).toString('base64'),
            shownActHash: act.contentHash,
            signerName: 'Орлова Е.',
          },
        },
        sut.token,
        ['urgent_service_act'],
      ),
    ).toMatchObject({ field: 'input.signaturePng', rule: 'SIGNATURE_NOT_VERIFIED' });
    const signed = (
      await ok(SIGN, {
        i: {
          actId: act.id,
          signaturePng: SIGNATURE_PNG_BASE64,
          shownActHash: act.contentHash,
          signerName: 'Орлова Е.',
        },
      })
    ).signUrgentServiceAct;
    expect(signed).toMatchObject({ signed: true, signerName: 'Орлова Е.', intact: true });
    expect(signed.signatureSha256).toMatch(/^[0-9a-f]{64}$/);
    // immutable: the domain refuses a second signature and more deliveries; the database refuses any UPDATE or DELETE
    expect(
      await refused(
        SIGN,
        {
          i: { actId: act.id, signaturePng: SIGNATURE_PNG_BASE64, shownActHash: act.contentHash, signerName: 'Другой' },
        },
        sut.token,
        ['urgent_service_act'],
      ),
    ).toMatchObject({ code: 'CONFLICT', rule: 'SIGNED_ACT_IMMUTABLE' });
    expect(
      await refused(
        DELIVER,
        { i: { caseId: u.id, serviceCode: 'FOOD', quantity: 1, deliveredOn: '2026-11-02' } },
        sut.token,
        ['urgent_service_case'],
      ),
    ).toMatchObject({ code: 'CONFLICT' });
    await expect(query(sut.db, `update urgent_service_act set content = '{}' where id = $1`, [act.id])).rejects.toThrow(
      /signed and cannot be altered/,
    );
    await expect(query(sut.db, `delete from urgent_service_act where id = $1`, [act.id])).rejects.toThrow(
      /signed and cannot be altered/,
    );
    // no contract: nothing is reported to ЦСПН
    expect(await count(sut.db, 'outbox_message', `type = 'social-service.services-delivered.v1'`)).toBe(0);
  });

  it('anonymous help by phone gets an unsigned act with the reason; in-person help cannot skip the signature', async () => {
    const anon = (
      await ok(REQUEST, {
        i: { anonymous: true, channel: 'PHONE_CALL', circumstances: 'кризисное состояние', decision: 'APPROVE' },
      })
    ).requestUrgentServices;
    expect(anon).toMatchObject({ anonymous: true, citizen: null });
    expect(
      await refused(
        DELIVER,
        { i: { caseId: anon.id, serviceCode: 'FOOD', quantity: 1, deliveredOn: '2026-11-02' } },
        sut.token,
        ['urgent_service_case'],
      ),
    ).toMatchObject({ rule: 'IDENTITY_REQUIRED' });
    await ok(DELIVER, {
      i: { caseId: anon.id, serviceCode: 'EMERGENCY_PSYCHOLOGICAL_HELP', quantity: 1, deliveredOn: '2026-11-02' },
    });
    const tables = ['urgent_service_case', 'urgent_service_act'];
    const CLOSE = `mutation($i: CloseUnsignedInput!) { closeUrgentCaseUnsigned(input: $i) {
      status unsignedReason act { number unsigned unsignedReason signed canonicalContent contentHash } } }`;
    expect(await refused(CLOSE, { i: { caseId: anon.id, reason: '  ' } }, sut.token, tables)).toMatchObject({
      field: 'input.reason',
      rule: 'REQUIRED',
    });
    // no act was drawn up for it yet: closing draws one up, unsigned, with the reason
    const closed = (await ok(CLOSE, { i: { caseId: anon.id, reason: 'анонимное обращение по телефону доверия' } }))
      .closeUrgentCaseUnsigned;
    expect(closed).toMatchObject({
      status: 'ACT_UNSIGNED',
      unsignedReason: 'анонимное обращение по телефону доверия',
      act: { unsigned: true, unsignedReason: 'анонимное обращение по телефону доверия', signed: false },
    });
    expect(closed.act.number).toMatch(/^ССУ-25-2026-\d{6}$/);
    expect(sha256(closed.act.canonicalContent)).toBe(closed.act.contentHash);
    expect(JSON.parse(closed.act.canonicalContent).recipient).toMatchObject({ anonymous: true, fullName: null });

    // help given in person: no act is drawn up and the case stays open
    const inPerson = (
      await ok(REQUEST, {
        i: {
          citizen: person(705),
          identityDocument: 'паспорт 2515 000005',
          channel: 'WRITTEN_APPLICATION',
          circumstances: 'пожар',
          decision: 'APPROVE',
        },
      })
    ).requestUrgentServices;
    await ok(DELIVER, { i: { caseId: inPerson.id, serviceCode: 'FOOD', quantity: 1, deliveredOn: '2026-11-02' } });
    expect(await refused(CLOSE, { i: { caseId: inPerson.id, reason: 'забыли' } }, sut.token, tables)).toMatchObject({
      code: 'CONFLICT',
      rule: 'ACT_SIGNED_BY_RECIPIENT',
    });
  });

  it('opens a Семейный навигатор case and an urgent case from ЦСПН’s M5 once, and reports contract services (M6)', async () => {
    at('2026-11-02');
    const citizenId = deriveCitizenId(validSnils(702), DEV_CITIZEN_ID_SECRET);
    const psych = uuidv7();
    const m5 = {
      contractId: uuidv7(),
      contractNumber: 'СК-25-2026-000702',
      citizenId,
      direction: 'JOB_SEARCH',
      startDate: '2026-11-02',
      endDate: '2027-07-31',
      person: person(702),
      concludedAt: '2026-11-01T03:00:00.000Z',
      territory: TEST_TERRITORY,
      toAgency: 'SOCIAL_SERVICE',
      urgentServicesRequested: true,
      accompanimentRequested: true,
      activities: [
        { activityId: psych, kind: 'PSYCHOLOGICAL_SUPPORT', description: 'Семейный навигатор', dueDate: '2027-01-31' },
      ],
      serviceUntil: '2028-07-31',
    };
    const env = newEnvelope(contractConcludedForSocialServiceV1.type, 'SOCIAL_PROTECTION', citizenId, m5);
    const topic = `${sut.prefix}${TOPICS.contracts}`;
    await sut.bus.publish([
      toRecord(topic, env),
      toRecord(topic, env),
      toRecord(topic, newEnvelope(contractConcludedForSocialServiceV1.type, 'SOCIAL_PROTECTION', citizenId, m5)),
    ]);
    await eventually(
      async () => (await count(sut.db, 'inbox_message', `type = 'contract.concluded-for-social-service.v1'`)) === 2,
    );
    expect(await count(sut.db, 'accompaniment_case', 'contract_id = $1', [m5.contractId])).toBe(1);
    expect(await count(sut.db, 'urgent_service_case', 'contract_id = $1', [m5.contractId])).toBe(1);

    const c = (
      await ok(
        `query($c: ID!) { citizen(id: $c) { accompanimentCases { id programme status needDecisionDue programmeDue activities { activityId } } urgentServiceCases { id status channel } } }`,
        { c: citizenId },
      )
    ).citizen;
    // 5 and 10 working days from 2 November 2026 (4 November is a holiday)
    expect(c.accompanimentCases).toEqual([
      {
        id: expect.any(String),
        programme: 'FAMILY_NAVIGATOR',
        status: 'APPLIED',
        needDecisionDue: '2026-11-10',
        programmeDue: '2026-11-17',
        activities: [{ activityId: psych }],
      },
    ]);
    expect(c.urgentServiceCases).toEqual([
      { id: expect.any(String), status: 'REQUESTED', channel: 'SOCIAL_PROTECTION_REQUEST' },
    ]);

    // urgent help to the contract holder, signed → reported to ЦСПН with the act
    const urgentId = c.urgentServiceCases[0].id;
    await ok(`mutation($i: DecideUrgentNeedInput!) { decideUrgentNeed(input: $i) { status } }`, {
      i: { caseId: urgentId, approve: true },
    });
    await ok(DELIVER, { i: { caseId: urgentId, serviceCode: 'FOOD', quantity: 1, deliveredOn: '2026-11-02' } });
    const act = (await ok(ISSUE, { i: { caseId: urgentId } })).issueUrgentServiceAct;
    await ok(SIGN, {
      i: { actId: act.id, signaturePng: SIGNATURE_PNG_BASE64, shownActHash: act.contentHash, signerName: 'Орлова Е.' },
    });
    // the psychologist's sessions under the ПСА activity
    const caseId = c.accompanimentCases[0].id;
    await ok(
      `mutation($i: ContractServiceDeliveryInput!) { recordContractServiceDelivery(input: $i) { activities { reportedOn } } }`,
      {
        i: {
          caseId,
          code: 'PSY_CONSULT',
          name: 'консультация психолога',
          deliveredOn: '2026-11-02',
          volume: 3,
          unit: 'сеанс',
          psaActivityId: psych,
          completesActivity: true,
        },
      },
    );
    const m6 = (
      await query(
        sut.db,
        `select payload from outbox_message where type = 'social-service.services-delivered.v1' and key = $1 order by seq`,
        [citizenId],
      )
    ).map((r) => JSON.parse(r.payload));
    expect(m6).toHaveLength(2);
    expect(m6[0]).toMatchObject({
      contractId: m5.contractId,
      services: [{ code: 'FOOD', actId: act.id, activityKind: 'URGENT_SOCIAL_SERVICES', completesActivity: true }],
    });
    expect(m6[1]).toMatchObject({
      contractId: m5.contractId,
      services: [{ code: 'PSY_CONSULT', psaActivityId: psych, volume: 3, completesActivity: true }],
    });
  });

  it('recognises need and issues the ИППСУ within working-day deadlines; a further need opens a case once', async () => {
    at('2026-11-02');
    const u = (
      await ok(REQUEST, {
        i: {
          citizen: person(703),
          identityDocument: 'паспорт 2515 000003',
          channel: 'WRITTEN_APPLICATION',
          circumstances: 'утрата жилья',
          decision: 'APPROVE',
        },
      })
    ).requestUrgentServices;
    await ok(DELIVER, {
      i: { caseId: u.id, serviceCode: 'TEMPORARY_HOUSING', quantity: 1, deliveredOn: '2026-11-02' },
    });
    const act = (await ok(ISSUE, { i: { caseId: u.id } })).issueUrgentServiceAct;
    await ok(SIGN, {
      i: { actId: act.id, signaturePng: SIGNATURE_PNG_BASE64, shownActHash: act.contentHash, signerName: 'Орлова Е.' },
    });
    const OPEN = `mutation($i: OpenAccompanimentCaseInput!) { openAccompanimentCase(input: $i) { id status grounds needDecisionDue programmeDue } }`;
    const opened = (
      await ok(OPEN, {
        i: {
          fromUrgentCaseId: u.id,
          programme: 'FAMILY_HELPER',
          grounds: ['ADULT_ADAPTATION_DIFFICULTIES'],
          evidence: [{ kind: 'PSYCHOLOGIST_CONCLUSION', reference: '№ 17', summary: 'выраженная тревожность' }],
          appliedOn: '2026-11-02',
          family: { childrenCount: 2, lowIncome: true, categories: ['SINGLE_PARENT'] },
        },
      })
    ).openAccompanimentCase;
    expect(opened).toMatchObject({
      status: 'APPLIED',
      grounds: ['ADULT_ADAPTATION_DIFFICULTIES', 'URGENT_CASE_FOLLOW_UP'],
      needDecisionDue: '2026-11-10',
      programmeDue: '2026-11-17',
    });
    expect(
      await refused(
        OPEN,
        { i: { fromUrgentCaseId: u.id, programme: 'FAMILY_HELPER', grounds: ['OTHER'], appliedOn: '2026-11-02' } },
        sut.token,
        ['accompaniment_case'],
      ),
    ).toMatchObject({ code: 'CONFLICT', rule: 'ONE_FOLLOW_UP' });

    at('2026-11-11');
    const due = (await ok(`{ accompanimentDeadlines(withinDays: 0) { id overdue } }`, {})).accompanimentDeadlines;
    // The worklist filter applies the same deadline rule.
    const listed = (
      await ok(`{ accompanimentCases(filter: { deadlineWithinDays: 0 }) { edges { node { id } } } }`, {})
    ).accompanimentCases.edges.map((e: { node: { id: string } }) => e.node.id);
    expect([...listed].sort()).toEqual(due.map((d: { id: string }) => d.id).sort());
    expect(due).toContainEqual({ id: opened.id, overdue: ['NEED_DECISION'] });
    // The scheduler's deadline check: the need decision (due 10 Nov) was missed, the ИППСУ (17 Nov) is not near yet.
    expect(await runJob(sut.svc, sut.db, 'social-service.deadlines')).toBe('completed');
    expect((await deadlineNotices(sut.db, opened.id)).map((n) => [n.stage, n.kind, n.dueDate, n.caseType])).toEqual([
      ['MISSED', 'NEED_DECISION', '2026-11-10', 'AccompanimentCase'],
    ]);
    // the authorised body decides (ЦСПН of the district), not КЦСОН's own specialist
    const DECIDE_NEED = `mutation($i: DecideNeedRecognitionInput!) { decideNeedRecognition(input: $i) { status } }`;
    const decision = { i: { caseId: opened.id, recognised: true, decidedOn: '2026-11-09' } };
    expect(await refused(DECIDE_NEED, decision, sut.token, ['accompaniment_case'])).toMatchObject({
      code: 'FORBIDDEN',
    });
    const authorisedBody = await tokenFor('SOCIAL_PROTECTION', ['SPECIALIST'], 'uszn-irkutsk');
    expect((await ok(DECIDE_NEED, decision, authorisedBody)).decideNeedRecognition.status).toBe('NEED_RECOGNISED');
    const issue = `mutation($i: IssueIndividualProgrammeInput!) { issueIndividualProgramme(input: $i) { status individualProgramme { form revisionDue } } }`;
    const programme = {
      caseId: opened.id,
      number: 'ИППСУ-703',
      form: 'HOME',
      provider: 'КЦСОН Иркутска',
      issuedOn: '2026-11-11',
      services: [
        {
          type: 'HOUSEHOLD',
          name: 'помощь в ведении хозяйства',
          volume: 8,
          frequency: 'еженедельно',
          periodFrom: '2026-11-11',
          periodTo: '2027-11-10',
        },
      ],
    };
    expect(
      await refused(issue, { i: { ...programme, services: [{ ...programme.services[0], volume: -1 }] } }, sut.token, [
        'accompaniment_case',
      ]),
    ).toMatchObject({ field: 'input.services[0].volume', rule: 'VOLUME_RANGE' });
    expect(
      await refused(
        issue,
        { i: { ...programme, services: [{ ...programme.services[0], periodTo: '2026-11-01' }] } },
        sut.token,
        ['accompaniment_case'],
      ),
    ).toMatchObject({ rule: 'DATE_ORDER' });
    expect((await ok(issue, { i: programme })).issueIndividualProgramme).toEqual({
      status: 'PROGRAMME_ISSUED',
      individualProgramme: { form: 'HOME', revisionDue: '2029-11-11' },
    });
    await ok(`mutation($i: SignServiceContractInput!) { signServiceContract(input: $i) { status } }`, {
      i: { caseId: opened.id, signedOn: '2026-11-11' },
    });
    const m = (
      await ok(
        `mutation($i: AddMeasureInput!) { addAccompanimentMeasure(input: $i) { measures { id kind status } } }`,
        {
          i: {
            caseId: opened.id,
            kind: 'PSYCHOLOGICAL',
            organisation: 'Центр психологической помощи',
            description: 'курс консультаций',
            requestedOn: '2026-11-11',
          },
        },
      )
    ).addAccompanimentMeasure.measures[0];
    await ok(`mutation($i: UpdateMeasureInput!) { updateAccompanimentMeasure(input: $i) { status } }`, {
      i: { caseId: opened.id, measureId: m.id, action: 'COMPLETE', on: '2026-11-11' },
    });

    // psychological data stays inside КЦСОН: ЦСПН sees the case, but not the evidence, and not psychological measures
    const cspn = await tokenFor('SOCIAL_PROTECTION');
    const asCspn = await call(
      `query($id: ID!) { accompanimentCase(id: $id) { status measures { kind } } }`,
      { id: opened.id },
      cspn,
    );
    expect(asCspn.data.accompanimentCase).toEqual({ status: 'ACTIVE', measures: [] });
    const evidence = await call(
      `query($id: ID!) { accompanimentCase(id: $id) { evidence { summary } } }`,
      { id: opened.id },
      cspn,
    );
    expect(evidence.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'ACCESS_POLICY' });
    expect(
      (await ok(`query($id: ID!) { accompanimentCase(id: $id) { evidence { summary } } }`, { id: opened.id }))
        .accompanimentCase.evidence,
    ).toEqual([{ summary: 'выраженная тревожность' }]);
  });

  it('prevention casework runs its stages, cannot deregister without a decision, and is refused and audited for other agencies', async () => {
    at('2026-11-02');
    const SIGNAL = `mutation($i: ReceiveSignalInput!) { receivePreventionSignal(input: $i) { id status checkDue citizen { id } } }`;
    const p = (
      await ok(SIGNAL, {
        i: {
          person: { lastName: 'Козлов', firstName: 'Дима', birthDate: '2014-05-05' },
          subject: 'MINOR',
          source: 'SCHOOL',
          sourceDetails: 'МБОУ СОШ № 5',
          facts: 'систематические пропуски занятий',
          signalOn: '2026-11-02',
        },
      })
    ).receivePreventionSignal;
    expect(p).toMatchObject({ status: 'SIGNAL_RECEIVED', checkDue: '2026-11-07' });
    // Five days before the check is due: no notice yet (DEADLINE_WARNING_DAYS = 3); the day before: one.
    expect(await runJob(sut.svc, sut.db, 'social-service.deadlines')).toBe('completed');
    expect(await deadlineNotices(sut.db, p.id)).toEqual([]);
    at('2026-11-06');
    expect(await runJob(sut.svc, sut.db, 'social-service.deadlines')).toBe('completed');
    expect((await deadlineNotices(sut.db, p.id)).map((n) => [n.stage, n.kind, n.dueDate, n.recipient])).toEqual([
      ['APPROACHING', 'PREVENTION_CHECK', '2026-11-07', { subject: 'kcson-1', agency: 'SOCIAL_SERVICE' }],
    ]);
    const step = async (m: string, input: string, v: Record<string, unknown>) =>
      (await ok(`mutation($i: ${input}!) { ${m}(input: $i) { status } }`, { i: { caseId: p.id, ...v } }))[m].status;
    expect(
      await step('recordPreventionCheck', 'PreventionCheckInput', {
        on: '2026-11-03',
        findings: 'семья в трудной ситуации',
        confirmed: true,
        checkedBy: 'ЦСОН',
      }),
    ).toBe('CHECKED');
    const kdn = { number: '15/2', date: '2026-11-05', body: 'КДН и ЗП Октябрьского округа' };
    expect(
      await step('registerPreventionCase', 'RegisterPreventionInput', { resolution: kdn, curator: 'Смирнова А. В.' }),
    ).toBe('REGISTERED');
    expect(
      await step('approveRehabilitationProgramme', 'ApproveRehabilitationInput', {
        approvedOn: '2026-11-06',
        approvedBy: 'КДН и ЗП',
        measures: [{ description: 'занятия с психологом', responsibleAgency: 'КЦСОН', dueDate: '2027-01-31' }],
      }),
    ).toBe('IN_EXECUTION');
    at('2027-05-06');
    expect(
      await step('reviewPreventionCase', 'ReviewPreventionInput', {
        on: '2027-05-06',
        analysis: 'посещает занятия, конфликтов нет',
      }),
    ).toBe('UNDER_REVIEW');
    const DEREG = `mutation($i: DeregisterPreventionInput!) { deregisterPreventionCase(input: $i) { status } }`;
    expect(
      await refused(DEREG, { i: { caseId: p.id, ground: 'CAUSES_REMOVED' } }, sut.token, ['prevention_case']),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.resolution', rule: 'DECISION_REQUIRED' });
    expect(
      await step('deregisterPreventionCase', 'DeregisterPreventionInput', {
        resolution: { ...kdn, number: '40/7', date: '2027-05-06' },
        ground: 'CAUSES_REMOVED',
      }),
    ).toBe('DEREGISTERED');

    // another agency asking for prevention data is refused outright — by the Citizen field and by the query
    const cspn = await tokenFor('SOCIAL_PROTECTION', ['HEAD']);
    const viaCitizen = await call(
      `query($c: ID!) { citizen(id: $c) { preventionCases { id } } }`,
      { c: p.citizen.id },
      cspn,
    );
    expect(viaCitizen.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'ACCESS_POLICY' });
    expect(
      (await call(`query($id: ID!) { preventionCase(id: $id) { facts } }`, { id: p.id }, await tokenFor('EMPLOYMENT')))
        .errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    // КЦСОН's case worker sees every stage with its date and responsible party, and the read is audited
    const mine = (
      await ok(
        `query($c: ID!) { citizen(id: $c) { preventionCases { status history { status on responsible } deregistration { number ground } } } }`,
        { c: p.citizen.id },
      )
    ).citizen.preventionCases[0];
    expect(mine.history.map((h: { status: string; on: string }) => [h.status, h.on])).toEqual([
      ['SIGNAL_RECEIVED', '2026-11-02'],
      ['CHECKED', '2026-11-03'],
      ['REGISTERED', '2026-11-05'],
      ['PROGRAMME_APPROVED', '2026-11-06'],
      ['IN_EXECUTION', '2026-11-06'],
      ['UNDER_REVIEW', '2027-05-06'],
      ['DEREGISTERED', '2027-05-06'],
    ]);
    expect(mine.deregistration).toEqual({ number: '40/7', ground: 'CAUSES_REMOVED' });
    await eventually(
      async () =>
        (await count(
          sut.db,
          'audit_log',
          `citizen_id = $1 and action = 'READ' and operation like '%Citizen.preventionCases' and subject = 'kcson-1'`,
          [p.citizen.id],
        )) >= 1,
    );
  });

  it('after every scenario above, each statistics counter equals a plain GROUP BY over the source tables (issue 11)', async () => {
    const { live, plain, indicators } = await countersAndSources(sut.db, Object.keys(SOCIAL_SERVICE_STAT_SOURCES));
    expect(live).toEqual(plain);
    // the scenarios reached these indicators (otherwise equality proves little)
    expect([...indicators].sort()).toEqual([
      'ACCOMPANIMENT_OPENED',
      'IPPSU_ISSUED',
      'NEED_DECISIONS',
      'PREVENTION_CASES',
      'URGENT_ACTS',
      'URGENT_CASES',
      'URGENT_DELIVERIES',
    ]);
  });
});
