import { programmeDraftForAgreementV1, TOPICS, type MessageData } from '@sc/contracts';
import { deriveCitizenId, ManualClock, uuidv7 } from '@sc/kernel';
import { newEnvelope, toRecord } from '@sc/messaging';
import { DEV_CITIZEN_ID_SECRET } from '@sc/subgraph-kit';
import { count, eventually, query, TEST_TERRITORY, tokenFor, validSnils, serviceUnderTest } from '@sc/testing';
import { createEmploymentServer } from '../src/server';

/**
 * Проект ПСА на согласовании в ЦЗН (seed 000 step 3): the draft arrives from
 * ЦСПН (M7, drafting), is listed for the district's specialists and answered
 * through ЦЗН's own subgraph; the answer leaves in the same commit (outbox).
 */
const clock = new ManualClock('2026-11-24T03:00:00Z');

describe('ЦЗН answers a draft ПСА (component, real PostgreSQL and Kafka-protocol broker)', () => {
  const sut = serviceUnderTest({
    name: 'employment',
    create: createEmploymentServer,
    clock,
    caller: { agency: 'EMPLOYMENT', roles: ['SPECIALIST'], subject: 'czn-1' },
  });
  const { ok, refused } = sut;

  type Draft = MessageData<typeof programmeDraftForAgreementV1>;
  const draft = (seed: number, over: Partial<Draft> = {}): Draft => ({
    programmeId: uuidv7(),
    revision: 1,
    applicationId: uuidv7(),
    citizenId: deriveCitizenId(validSnils(seed), DEV_CITIZEN_ID_SECRET),
    person: { snils: validSnils(seed), lastName: 'Белова', firstName: 'Ольга', birthDate: '1990-02-02' },
    territory: TEST_TERRITORY,
    toAgency: 'EMPLOYMENT',
    direction: 'JOB_SEARCH',
    termMonths: 9,
    plannedStart: '2026-12-01',
    plannedEnd: '2027-08-31',
    activities: [{ activityId: uuidv7(), kind: 'VOCATIONAL_TRAINING', description: 'Повар', dueDate: '2027-03-31' }],
    answerBy: '2026-11-30',
    sentAt: new Date().toISOString(),
    ...over,
  });
  const deliver = (...ds: Draft[]) =>
    sut.bus.publish(
      ds.map((d) =>
        toRecord(
          `${sut.prefix}${TOPICS.commission}`,
          newEnvelope(programmeDraftForAgreementV1.type, 'SOCIAL_PROTECTION', d.citizenId, d),
        ),
      ),
    );
  const LIST = `query($s: ProgrammeAgreementStatus) {
    employmentProgrammeDrafts(status: $s) {
      totalCount
      edges { node { programmeId revision status direction answerBy citizen { id } activities { activityId kind dueDate } } }
    }
  }`;
  const ANSWER = `mutation($i: AnswerProgrammeDraftInput!) {
    answerEmploymentProgrammeDraft(input: $i) { programmeId revision status comment proposals { activityId description dueDate } answeredBy }
  }`;
  const drafts = async (status?: string, token?: string) =>
    (await ok(LIST, { s: status ?? null }, token)).employmentProgrammeDrafts.edges.map(
      (e: { node: { programmeId: string } }) => e.node,
    );
  const answers = (programmeId: string) =>
    query(
      sut.db,
      `select key, payload from outbox_message where type = 'programme.agreement-answered.v1' and payload::jsonb->>'programmeId' = $1`,
      [programmeId],
    );

  it('lists the district’s drafts awaiting an answer and sends the answer to ЦСПН in the same commit', async () => {
    const d = draft(7201);
    await deliver(d, draft(7202, { toAgency: 'SOCIAL_SERVICE' }));
    const pending = await eventually(async () => {
      const rows = await drafts('PENDING');
      return rows.some((r: { programmeId: string }) => r.programmeId === d.programmeId) ? rows : undefined;
    });
    expect(pending.find((r: { programmeId: string }) => r.programmeId === d.programmeId)).toEqual({
      programmeId: d.programmeId,
      revision: 1,
      status: 'PENDING',
      direction: 'JOB_SEARCH',
      answerBy: '2026-11-30',
      citizen: { id: d.citizenId },
      activities: [{ activityId: d.activities[0]!.activityId, kind: 'VOCATIONAL_TRAINING', dueDate: '2027-03-31' }],
    });
    // КЦСОН's draft is not ЦЗН's; the person was registered as ЦЗН's.
    expect(await count(sut.db, 'programme_draft', 'citizen_id = $1', [draft(7202).citizenId])).toBe(0);
    expect(await count(sut.db, 'citizen', 'id = $1', [d.citizenId])).toBe(1);

    const proposal = {
      activityId: d.activities[0]!.activityId,
      description: 'Группа набирается в феврале: срок — 30.04.2027',
      dueDate: '2027-04-30',
    };
    const a = (
      await ok(ANSWER, {
        i: {
          programmeId: d.programmeId,
          decision: 'CHANGES_PROPOSED',
          comment: 'Перенести обучение',
          proposals: [proposal],
        },
      })
    ).answerEmploymentProgrammeDraft;
    expect(a).toEqual({
      programmeId: d.programmeId,
      revision: 1,
      status: 'CHANGES_PROPOSED',
      comment: 'Перенести обучение',
      proposals: [proposal],
      answeredBy: 'czn-1',
    });
    const [sent] = await answers(d.programmeId);
    expect(sent.key).toBe(d.citizenId);
    expect(JSON.parse(sent.payload)).toMatchObject({
      programmeId: d.programmeId,
      revision: 1,
      fromAgency: 'EMPLOYMENT',
      decision: 'CHANGES_PROPOSED',
      proposals: [proposal],
      answeredBy: 'czn-1',
    });
    expect(
      await refused(ANSWER, { i: { programmeId: d.programmeId, decision: 'AGREED' } }, sut.token, [
        'programme_draft',
        'outbox_message',
      ]),
    ).toMatchObject({ code: 'CONFLICT', rule: 'ONE_ANSWER_PER_REVISION' });

    // ЦСПН redrafts: revision 2 reopens the answer; revision 1 arriving again changes nothing.
    const d2 = { ...d, revision: 2, activities: [{ ...d.activities[0]!, dueDate: '2027-04-30' }] };
    await deliver(d2, d);
    const reopened = await eventually(async () => {
      const r = (await drafts()).find((x: { programmeId: string }) => x.programmeId === d.programmeId);
      return r?.revision === 2 ? r : undefined;
    });
    expect(reopened).toMatchObject({ status: 'PENDING', activities: [{ dueDate: '2027-04-30' }] });
    await ok(ANSWER, { i: { programmeId: d.programmeId, decision: 'AGREED' } });
    expect((await answers(d.programmeId)).map((r) => JSON.parse(r.payload).revision)).toEqual([1, 2]);
    expect(await drafts('PENDING')).not.toContainEqual(expect.objectContaining({ programmeId: d.programmeId }));
  });

  it('refuses a bad answer naming the field and the rule, and anyone but ЦЗН’s case workers of the district', async () => {
    const d = draft(7203);
    await deliver(d);
    await eventually(async () => (await count(sut.db, 'programme_draft', 'programme_id = $1', [d.programmeId])) === 1);
    const tables = ['programme_draft', 'outbox_message'];
    const answer = (over: Record<string, unknown>) => ({
      i: { programmeId: d.programmeId, decision: 'CHANGES_PROPOSED', comment: 'позже', ...over },
    });
    expect(await refused(ANSWER, answer({ comment: null }), sut.token, tables)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.comment',
      rule: 'COMMENT_FOR_CHANGES',
    });
    expect(
      await refused(ANSWER, answer({ proposals: [{ activityId: uuidv7(), description: 'x' }] }), sut.token, tables),
    ).toMatchObject({ field: 'input.proposals[0].activityId', rule: 'UNKNOWN_ACTIVITY' });
    expect(
      await refused(ANSWER, answer({ proposals: [{ description: 'x', dueDate: '2027-02-30' }] }), sut.token, tables),
    ).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refused(ANSWER, answer({ programmeId: uuidv7() }), sut.token, tables)).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.programmeId',
    });
    const kcson = await tokenFor('SOCIAL_SERVICE', ['SPECIALIST'], 'kcson-1');
    expect(await refused(ANSWER, answer({}), kcson, tables)).toMatchObject({ code: 'FORBIDDEN' });
    const otherDistrict = await tokenFor('EMPLOYMENT', ['SPECIALIST'], 'czn-9', '25646000');
    expect(await refused(ANSWER, answer({}), otherDistrict, tables)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await drafts(undefined, otherDistrict)).toEqual([]);
    const analyst = await tokenFor('EMPLOYMENT', ['ANALYST'], 'an-1');
    expect((await sut.call(LIST, {}, analyst)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
