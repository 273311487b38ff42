import { ManualClock, uuidv7 } from '@sc/kernel';
import { count, eventually, query, tokenFor, validSnils, serviceUnderTest, TEST_NEEDS } from '@sc/testing';
import { createSocialProtectionServer } from '../src/server';
import { agreeProgramme, deliverPartnerAnswers, partnerAnswer, RECORD_CITIZEN_AGREEMENT } from './programme-agreement';

/**
 * Согласование проекта ПСА (seed 000 step 3, DOMAIN.md §4.1) at ЦСПН: each
 * draft goes to the partners who carry out its activities, their answers and
 * the citizen's are recorded per revision, and only an agreed revision goes
 * to the commission, whose agenda shows who agreed.
 */
const clock = new ManualClock('2026-11-23T03:00:00Z');

describe('ПСА agreed by ЦЗН, КЦСОН and the citizen before the commission (component)', () => {
  const sut = serviceUnderTest({
    name: 'social-protection',
    create: createSocialProtectionServer,
    clock,
    caller: { agency: 'SOCIAL_PROTECTION', roles: ['SPECIALIST'], subject: 'spec-1' },
  });
  const { ok, refused } = sut;

  const DRAFT = `mutation($i: DraftAdaptationProgrammeInput!) {
    draftAdaptationProgramme(input: $i) { id revision agreed agreements { party status answerBy } activities { id kind responsibleAgency } citizen { id } }
  }`;
  const SUBMIT = `mutation($id: ID!) { submitProgrammeToCommission(input: { programmeId: $id }) { status } }`;
  const AGREEMENTS = `query($id: ID!) {
    adaptationProgramme(id: $id) {
      revision agreed
      agreements { party revision status comment proposals { activityId description dueDate } answeredBy }
      agreementHistory { party revision status }
    }
  }`;
  const draftInput = (applicationId: string) => ({
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
    },
  });

  async function toDrafting(seed: number): Promise<string> {
    const a = (
      await ok(`mutation($i: SubmitScApplicationInput!) { submitScApplication(input: $i) { id } }`, {
        i: {
          citizen: { snils: validSnils(seed), lastName: 'Орлова', firstName: 'Анна', birthDate: '1991-01-01' },
          zone: 'WHOLE_REGION',
          needs: TEST_NEEDS,
          household: [
            {
              relation: 'APPLICANT',
              fullName: 'Орлова Анна',
              birthDate: '1991-01-01',
              incomes: ['2026-07', '2026-08', '2026-09'].map((month) => ({
                month,
                kind: 'WAGES',
                amountKopecks: 1_000_000,
              })),
            },
          ],
        },
      })
    ).submitScApplication;
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
    return a.id;
  }

  const draftMessages = async (programmeId: string) =>
    (
      await query(
        sut.db,
        `select key, payload from outbox_message where type = 'programme.draft-for-agreement.v1' order by id`,
      )
    )
      .map((r) => ({ key: r.key as string, ...JSON.parse(r.payload as string) }))
      .filter((m) => m.programmeId === programmeId);

  it('sends each draft to the partners who carry out its activities, and refuses the commission until all agreed', async () => {
    clock.set('2026-11-23T03:00:00Z');
    const appId = await toDrafting(7101);
    const p = (await ok(DRAFT, draftInput(appId))).draftAdaptationProgramme;
    // 23 Nov (Mon) + 5 working days = 30 Nov
    expect(p).toMatchObject({
      revision: 1,
      agreed: false,
      agreements: [
        { party: 'EMPLOYMENT', status: 'PENDING', answerBy: '2026-11-30' },
        { party: 'SOCIAL_SERVICE', status: 'PENDING', answerBy: '2026-11-30' },
        { party: 'CITIZEN', status: 'PENDING', answerBy: null },
      ],
    });
    const sent = await draftMessages(p.id);
    expect(sent.map((m) => [m.toAgency, m.revision, m.key])).toEqual([
      ['EMPLOYMENT', 1, p.citizen.id],
      ['SOCIAL_SERVICE', 1, p.citizen.id],
    ]);
    const kinds = (agency: string) =>
      sent.find((m) => m.toAgency === agency)!.activities.map((a: { kind: string }) => a.kind);
    expect(kinds('EMPLOYMENT')).toEqual(['VOCATIONAL_TRAINING', 'JOB_SEEKER_REGISTRATION']);
    expect(kinds('SOCIAL_SERVICE')).toEqual(['FINANCIAL_LITERACY']);
    expect(sent[0].person).toMatchObject({ lastName: 'Орлова', snils: expect.any(String) });

    expect(await refused(SUBMIT, { id: p.id }, sut.token, ['adaptation_programme', 'sc_application'])).toMatchObject({
      code: 'CONFLICT',
      domainCode: 'PSA_NOT_AGREED',
      rule: 'PSA_AGREED_BEFORE_COMMISSION',
    });

    const training = p.activities.find((a: { kind: string }) => a.kind === 'VOCATIONAL_TRAINING').id;
    const prog = { id: p.id, citizenId: p.citizen.id, revision: 1 };
    await deliverPartnerAnswers(sut, [
      partnerAnswer(prog, 'EMPLOYMENT', {
        decision: 'CHANGES_PROPOSED',
        comment: 'Группа поваров набирается в феврале',
        proposals: [{ activityId: training, description: 'Срок обучения — 30.04.2027', dueDate: '2027-04-30' }],
      }),
      partnerAnswer(prog, 'SOCIAL_SERVICE'),
    ]);
    const answered = await eventually(async () => {
      const a = (await ok(AGREEMENTS, { id: p.id })).adaptationProgramme;
      return a.agreements.filter((x: { status: string }) => x.status !== 'PENDING').length === 2 ? a : undefined;
    });
    expect(answered.agreements).toEqual([
      {
        party: 'EMPLOYMENT',
        revision: 1,
        status: 'CHANGES_PROPOSED',
        comment: 'Группа поваров набирается в феврале',
        proposals: [{ activityId: training, description: 'Срок обучения — 30.04.2027', dueDate: '2027-04-30' }],
        answeredBy: 'EMPLOYMENT:employment-specialist',
      },
      {
        party: 'SOCIAL_SERVICE',
        revision: 1,
        status: 'AGREED',
        comment: null,
        proposals: [],
        answeredBy: 'SOCIAL_SERVICE:social_service-specialist',
      },
      { party: 'CITIZEN', revision: 1, status: 'PENDING', comment: null, proposals: [], answeredBy: null },
    ]);

    await ok(RECORD_CITIZEN_AGREEMENT, { i: { programmeId: p.id, revision: 1, decision: 'AGREED' } });
    expect(await refused(SUBMIT, { id: p.id }, sut.token, ['adaptation_programme', 'sc_application'])).toMatchObject({
      domainCode: 'PSA_NOT_AGREED',
      notAgreed: [{ party: 'EMPLOYMENT', status: 'CHANGES_PROPOSED' }],
    });

    // The specialist redrafts on the proposal: revision 2 goes out and is agreed anew.
    const input = draftInput(appId);
    input.i.activities[0]!.dueDate = '2027-04-30';
    const p2 = (await ok(DRAFT, input)).draftAdaptationProgramme;
    expect(p2).toMatchObject({ id: p.id, revision: 2, agreed: false });
    expect(p2.agreements.map((a: { status: string }) => a.status)).toEqual(['PENDING', 'PENDING', 'PENDING']);
    expect((await draftMessages(p.id)).map((m) => m.revision)).toEqual([1, 1, 2, 2]);

    // A citizen shown the old revision cannot agree it any more.
    expect(
      await refused(
        RECORD_CITIZEN_AGREEMENT,
        { i: { programmeId: p.id, revision: 1, decision: 'AGREED' } },
        sut.token,
        ['adaptation_programme'],
      ),
    ).toMatchObject({ code: 'CONFLICT', field: 'input.revision', rule: 'CURRENT_REVISION' });

    await agreeProgramme(sut, p.id);
    expect((await ok(SUBMIT, { id: p.id })).submitProgrammeToCommission.status).toBe('ON_REVIEW');
    const history = (await ok(AGREEMENTS, { id: p.id })).adaptationProgramme.agreementHistory;
    expect(history.map((h: { revision: number; status: string }) => `${h.revision}:${h.status}`)).toEqual([
      '1:CHANGES_PROPOSED',
      '1:AGREED',
      '1:AGREED',
      '2:AGREED',
      '2:AGREED',
      '2:AGREED',
    ]);

    // The commission's agenda shows who agreed what.
    const meeting = (
      await ok(
        `mutation($i: ScheduleCommissionMeetingInput!) {
          scheduleCommissionMeeting(input: $i) { agenda { id revision agreements { party status answeredBy } } }
        }`,
        {
          i: {
            meetingDate: '2026-11-27',
            members: [{ name: 'Председатель', agency: 'SOCIAL_PROTECTION', role: 'CHAIR' }],
          },
        },
      )
    ).scheduleCommissionMeeting;
    expect(meeting.agenda.find((x: { id: string }) => x.id === p.id)).toMatchObject({
      revision: 2,
      agreements: [
        { party: 'EMPLOYMENT', status: 'AGREED', answeredBy: 'EMPLOYMENT:employment-specialist' },
        { party: 'SOCIAL_SERVICE', status: 'AGREED' },
        { party: 'CITIZEN', status: 'AGREED', answeredBy: 'spec-1' },
      ],
    });
  });

  it('applies a partner’s answer once however often it arrives; an answer for an unknown programme or from a partner not asked is dead-lettered', async () => {
    clock.set('2026-11-23T03:00:00Z');
    const appId = await toDrafting(7102);
    const input = draftInput(appId);
    (input.i as Record<string, unknown>).includeFinancialLiteracy = false;
    const p = (await ok(DRAFT, input)).draftAdaptationProgramme;
    expect(p.agreements.map((a: { party: string }) => a.party)).toEqual(['EMPLOYMENT', 'CITIZEN']);
    const prog = { id: p.id, citizenId: p.citizen.id, revision: 1 };
    const agreed = partnerAnswer(prog, 'EMPLOYMENT');
    await deliverPartnerAnswers(sut, [agreed, agreed, { ...agreed, answeredAt: new Date().toISOString() }]);
    await deliverPartnerAnswers(sut, [
      partnerAnswer(prog, 'SOCIAL_SERVICE'),
      partnerAnswer({ ...prog, id: uuidv7() }, 'EMPLOYMENT'),
    ]);
    const dead = await eventually(async () => {
      const rows = await query(sut.db, `select error_code from dead_letter where key = $1`, [p.citizen.id]);
      return rows.length >= 2 ? rows : undefined;
    });
    expect(dead.map((d) => d.error_code).sort()).toEqual(['ADAPTATIONPROGRAMME_NOT_FOUND', 'NOT_ASKED_TO_AGREE']);
    const a = (await ok(AGREEMENTS, { id: p.id })).adaptationProgramme;
    expect(a.agreements.map((x: { party: string; status: string }) => `${x.party}:${x.status}`)).toEqual([
      'EMPLOYMENT:AGREED',
      'CITIZEN:PENDING',
    ]);
    expect(
      await count(sut.db, 'audit_log', `operation = 'programme.agreement-answered.v1' and entity_id = $1`, [p.id]),
    ).toBe(1);
  });

  it('refuses a bad citizen answer naming the field and the rule, and anyone but ЦСПН’s case workers', async () => {
    clock.set('2026-11-23T03:00:00Z');
    const appId = await toDrafting(7103);
    const p = (await ok(DRAFT, draftInput(appId))).draftAdaptationProgramme;
    const answer = (over: Record<string, unknown>) => ({
      i: { programmeId: p.id, revision: 1, decision: 'CHANGES_PROPOSED', comment: 'позже', ...over },
    });
    const tables = ['adaptation_programme'];
    expect(await refused(RECORD_CITIZEN_AGREEMENT, answer({ comment: '   ' }), sut.token, tables)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.comment',
      rule: 'COMMENT_FOR_CHANGES',
    });
    expect(
      await refused(
        RECORD_CITIZEN_AGREEMENT,
        answer({ proposals: [{ activityId: uuidv7(), description: 'другое' }] }),
        sut.token,
        tables,
      ),
    ).toMatchObject({ field: 'input.proposals[0].activityId', rule: 'UNKNOWN_ACTIVITY' });
    expect(
      await refused(
        RECORD_CITIZEN_AGREEMENT,
        answer({ decision: 'AGREED', comment: null, proposals: [{ description: 'x' }] }),
        sut.token,
        tables,
      ),
    ).toMatchObject({ field: 'input.proposals', rule: 'NOT_APPLICABLE' });
    expect(await refused(RECORD_CITIZEN_AGREEMENT, answer({ decision: 'MAYBE' }), sut.token, tables)).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    const kcson = await tokenFor('SOCIAL_SERVICE', ['SPECIALIST'], 'kcson-1');
    expect(await refused(RECORD_CITIZEN_AGREEMENT, answer({}), kcson, tables)).toMatchObject({ code: 'FORBIDDEN' });
    const elsewhere = await tokenFor('SOCIAL_PROTECTION', ['SPECIALIST'], 'spec-9', '25646000');
    expect(await refused(RECORD_CITIZEN_AGREEMENT, answer({}), elsewhere, tables)).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
