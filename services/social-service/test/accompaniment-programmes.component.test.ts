import { ManualClock } from '@sc/kernel';
import { serviceUnderTest, tokenFor, validSnils } from '@sc/testing';
import { createSocialServiceServer } from '../src/server';

/**
 * Программы сопровождения with their content (seed 002; «Социальный лифт»,
 * seed 001) through КЦСОН's subgraph on real PostgreSQL: the target group
 * checked when a case opens, the programme's goal and individual ones with
 * results, «Социальный лифт» with the prison service's side and dated stages.
 */
const clock = new ManualClock('2026-11-02T03:00:00Z');
const at = (d: string) => clock.set(`${d}T03:00:00Z`);

describe('КЦСОН accompaniment programmes with their content (component, real PostgreSQL)', () => {
  const sut = serviceUnderTest({
    name: 'social-service',
    create: createSocialServiceServer,
    clock,
    caller: { agency: 'SOCIAL_SERVICE', roles: ['SPECIALIST'], subject: 'kcson-1' },
  });
  const { ok, refused } = sut;

  const OPEN = `mutation($i: OpenAccompanimentCaseInput!) {
    openAccompanimentCase(input: $i) {
      id programme family { childrenCount lowIncome categories }
      programmeDefinition { code title targetGroup goal }
      goals { id text source setOn result { outcome } }
      socialLiftStage socialLift { institution prisonServiceContact expectedReleaseOn releasedOn stages { stage startedOn note } }
    }
  }`;
  /** A person КЦСОН already serves (registered through urgent help), by their federation key. */
  async function citizen(seed: number): Promise<string> {
    at('2026-11-02');
    return (
      await ok(`mutation($i: RequestUrgentServicesInput!) { requestUrgentServices(input: $i) { citizen { id } } }`, {
        i: {
          citizen: { snils: validSnils(seed), lastName: 'Зимина', firstName: 'Ольга', birthDate: '1990-03-03' },
          identityDocument: 'паспорт 2515 111111',
          channel: 'WRITTEN_APPLICATION',
          circumstances: 'нет продуктов',
          decision: 'APPROVE',
        },
      })
    ).requestUrgentServices.citizen.id;
  }

  it('checks each programme’s target group when a case opens, naming the rule, and writes nothing when refused', async () => {
    const citizenId = await citizen(7301);
    const base = { citizenId, grounds: ['ADULT_ADAPTATION_DIFFICULTIES'], appliedOn: '2026-11-02' };
    const tables = ['accompaniment_case'];
    const family = { childrenCount: 3, lowIncome: true, categories: ['LARGE', 'SINGLE_PARENT'] };
    const cases: [Record<string, unknown>, string][] = [
      [{ programme: 'FAMILY_HELPER' }, 'FAMILY_WITH_CHILDREN'],
      [{ programme: 'FAMILY_HELPER', family: { ...family, lowIncome: false } }, 'LOW_INCOME_FAMILY'],
      [{ programme: 'FAMILY_HELPER', family: { ...family, childrenCount: 2 } }, 'LARGE_FAMILY'],
      [{ programme: 'FAMILY_NAVIGATOR', family }, 'SOCIAL_CONTRACT_HOLDER'],
      [{ programme: 'FULCRUM', family }, 'FAMILY_IN_SOP'],
      [{ programme: 'SOCIAL_LIFT' }, 'SOCIAL_LIFT_GROUND'],
    ];
    for (const [over, rule] of cases)
      expect(await refused(OPEN, { i: { ...base, ...over } }, sut.token, tables)).toMatchObject({
        code: 'BAD_USER_INPUT',
        rule,
      });
    expect(
      await refused(
        OPEN,
        { i: { ...base, programme: 'FAMILY_HELPER', family: { ...family, childrenCount: -1 } } },
        sut.token,
        tables,
      ),
    ).toMatchObject({ field: 'input.family.childrenCount', rule: 'COUNT_RANGE' });

    const helper = (await ok(OPEN, { i: { ...base, programme: 'FAMILY_HELPER', family } })).openAccompanimentCase;
    expect(helper).toMatchObject({
      programme: 'FAMILY_HELPER',
      family,
      programmeDefinition: {
        code: 'FAMILY_HELPER',
        title: '«Семейный помощник»',
        targetGroup: expect.stringContaining('многодетные'),
      },
      goals: [
        {
          source: 'PROGRAMME',
          setOn: '2026-11-02',
          result: null,
          text: expect.stringMatching(/^Отработка практических навыков/),
        },
      ],
    });

    // «Точка опоры»: once the family is registered in СОП (120-ФЗ) at this КЦСОН.
    const step = async (m: string, input: string, caseId: string, v: Record<string, unknown>) =>
      ok(`mutation($i: ${input}!) { ${m}(input: $i) { status } }`, { i: { caseId, ...v } });
    const signal = (
      await ok(`mutation($i: ReceiveSignalInput!) { receivePreventionSignal(input: $i) { id } }`, {
        i: {
          person: { snils: validSnils(7301), lastName: 'Зимина', firstName: 'Ольга', birthDate: '1990-03-03' },
          subject: 'FAMILY',
          source: 'SCHOOL',
          sourceDetails: 'МБОУ СОШ № 5',
          facts: 'дети без присмотра',
          signalOn: '2026-11-02',
        },
      })
    ).receivePreventionSignal;
    await step('recordPreventionCheck', 'PreventionCheckInput', signal.id, {
      on: '2026-11-02',
      findings: 'подтвердилось',
      confirmed: true,
      checkedBy: 'КЦСОН',
    });
    expect(await refused(OPEN, { i: { ...base, programme: 'FULCRUM', family } }, sut.token, tables)).toMatchObject({
      rule: 'FAMILY_IN_SOP',
    });
    await step('registerPreventionCase', 'RegisterPreventionInput', signal.id, {
      resolution: { number: '3/1', date: '2026-11-02', body: 'КДН и ЗП' },
      curator: 'Смирнова А. В.',
    });
    const fulcrum = (await ok(OPEN, { i: { ...base, programme: 'FULCRUM', family } })).openAccompanimentCase;
    expect(fulcrum.programmeDefinition.targetGroup).toBe('семьи, находящиеся в социально опасном положении');
  });

  it('records goals, measures towards them and results; closes GOALS_MET only when every goal is achieved', async () => {
    const citizenId = await citizen(7302);
    const c = (
      await ok(OPEN, {
        i: {
          citizenId,
          programme: 'FAMILY_HELPER',
          grounds: ['ADULT_ADAPTATION_DIFFICULTIES'],
          appliedOn: '2026-11-02',
          family: { childrenCount: 1, lowIncome: true },
        },
      })
    ).openAccompanimentCase;
    const authorisedBody = await tokenFor('SOCIAL_PROTECTION', ['SPECIALIST'], 'uszn-1');
    await ok(
      `mutation($i: DecideNeedRecognitionInput!) { decideNeedRecognition(input: $i) { status } }`,
      { i: { caseId: c.id, recognised: true, decidedOn: '2026-11-02' } },
      authorisedBody,
    );
    const GOALS = `goals { id source text result { outcome note on by } } measures { goalId plannedBy }`;
    const own = (
      await ok(`mutation($i: AddAccompanimentGoalInput!) { addAccompanimentGoal(input: $i) { ${GOALS} } }`, {
        i: { caseId: c.id, text: 'Устроить ребёнка в детский сад' },
      })
    ).addAccompanimentGoal.goals[1];
    expect(own).toMatchObject({ source: 'INDIVIDUAL', text: 'Устроить ребёнка в детский сад', result: null });
    const MEASURE = `mutation($i: AddMeasureInput!) { addAccompanimentMeasure(input: $i) { ${GOALS} } }`;
    const measure = {
      caseId: c.id,
      kind: 'SOCIAL',
      organisation: 'Управление образования',
      description: 'очередь в детский сад',
      requestedOn: '2026-11-02',
      goalId: own.id,
      plannedBy: '2026-12-15',
    };
    expect((await ok(MEASURE, { i: measure })).addAccompanimentMeasure.measures).toEqual([
      { goalId: own.id, plannedBy: '2026-12-15' },
    ]);
    const tables = ['accompaniment_case'];
    expect(await refused(MEASURE, { i: { ...measure, plannedBy: '2026-11-01' } }, sut.token, tables)).toMatchObject({
      field: 'input.plannedBy',
      rule: 'DATE_ORDER',
    });
    const RESULT = `mutation($i: RecordAccompanimentGoalResultInput!) { recordAccompanimentGoalResult(input: $i) { ${GOALS} } }`;
    expect(
      await refused(
        RESULT,
        { i: { caseId: c.id, goalId: own.id, outcome: 'NOT_ACHIEVED', on: '2026-11-02' } },
        sut.token,
        tables,
      ),
    ).toMatchObject({ field: 'input.note', rule: 'NOTE_REQUIRED' });
    at('2026-12-20');
    await ok(RESULT, { i: { caseId: c.id, goalId: own.id, outcome: 'ACHIEVED', on: '2026-12-20' } });
    const CLOSE = `mutation($i: CloseAccompanimentInput!) { closeAccompanimentCase(input: $i) { status closureReason } }`;
    expect(await refused(CLOSE, { i: { caseId: c.id, reason: 'GOALS_MET' } }, sut.token, tables)).toMatchObject({
      field: 'input.reason',
      rule: 'GOALS_NOT_MET',
    });
    const programmeGoal = c.goals[0].id;
    const after = (
      await ok(RESULT, {
        i: { caseId: c.id, goalId: programmeGoal, outcome: 'ACHIEVED', note: 'быт налажен', on: '2026-12-20' },
      })
    ).recordAccompanimentGoalResult;
    expect(after.goals.map((g: { result: { outcome: string; by: string } }) => g.result)).toEqual([
      { outcome: 'ACHIEVED', note: 'быт налажен', on: '2026-12-20', by: 'kcson-1' },
      { outcome: 'ACHIEVED', note: null, on: '2026-12-20', by: 'kcson-1' },
    ]);
    expect((await ok(CLOSE, { i: { caseId: c.id, reason: 'GOALS_MET' } })).closeAccompanimentCase).toEqual({
      status: 'CLOSED',
      closureReason: 'GOALS_MET',
    });
  });

  it('runs «Социальный лифт» with the institution, the prison service’s contact and a date for each of the four stages', async () => {
    const citizenId = await citizen(7303);
    const lift = {
      institution: 'ФКУ ИК-3 ГУФСИН России по Иркутской области',
      prisonServiceContact: 'инспектор группы социальной защиты Павлов И. И.',
      expectedReleaseOn: '2026-12-15',
    };
    const base = { citizenId, programme: 'SOCIAL_LIFT', grounds: ['LEAVING_PRISON'], appliedOn: '2026-11-02' };
    expect(await refused(OPEN, { i: base }, sut.token, ['accompaniment_case'])).toMatchObject({
      field: 'input.socialLift',
      rule: 'REQUIRED',
    });
    expect(
      await refused(OPEN, { i: { ...base, socialLift: { ...lift, expectedReleaseOn: '2026-10-01' } } }, sut.token, [
        'accompaniment_case',
      ]),
    ).toMatchObject({ field: 'input.socialLift.expectedReleaseOn', rule: 'DATE_ORDER' });
    const c = (await ok(OPEN, { i: { ...base, socialLift: lift } })).openAccompanimentCase;
    expect(c.socialLift).toEqual({
      ...lift,
      releasedOn: null,
      stages: [{ stage: 'IN_INSTITUTION', startedOn: '2026-11-02', note: null }],
    });
    const ADVANCE = `mutation($i: AdvanceSocialLiftStageInput!) {
      advanceSocialLiftStage(input: $i) { socialLiftStage socialLift { releasedOn stages { stage startedOn note } } }
    }`;
    at('2026-12-20');
    expect(
      await refused(ADVANCE, { i: { caseId: c.id, on: '2026-12-21' } }, sut.token, ['accompaniment_case']),
    ).toMatchObject({ field: 'input.on', rule: 'NOT_IN_FUTURE' });
    await ok(ADVANCE, { i: { caseId: c.id, on: '2026-12-16', note: 'освобождён, встречен у ворот' } });
    at('2027-01-15');
    const adapted = (await ok(ADVANCE, { i: { caseId: c.id } })).advanceSocialLiftStage;
    expect(adapted).toEqual({
      socialLiftStage: 'ADAPTATION',
      socialLift: {
        releasedOn: '2026-12-16',
        stages: [
          { stage: 'IN_INSTITUTION', startedOn: '2026-11-02', note: null },
          { stage: 'RELEASE', startedOn: '2026-12-16', note: 'освобождён, встречен у ворот' },
          { stage: 'ADAPTATION', startedOn: '2027-01-15', note: null },
        ],
      },
    });
  });
});
