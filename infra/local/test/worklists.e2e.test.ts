import { count, eventually, gql, graphqlClient, tokenFor, validSnils, TEST_NEEDS } from '@sc/testing';
import { useTestStack } from './test-stack';

/**
 * The ЦЗН and КЦСОН worklists through the gateway (issue 12): each list
 * shows a district its own cases only (rows and totalCount), region staff
 * all of them, and filters narrow it; ЦСПН's lists are covered by its
 * component test.
 */
describe('worklists of ЦЗН and КЦСОН through the gateway', () => {
  const s = useTestStack();
  const IRKUTSK = '25701000';
  const BAYANDAY = '25607000';
  const needs = TEST_NEEDS;
  const person = (n: number) => ({
    snils: validSnils(9300 + n),
    lastName: 'Работнова',
    firstName: `Мария${n}`,
    birthDate: '1988-08-08',
  });
  type Page = { totalCount: number; edges: { node: { territory: string } }[] };
  const territories = (p: Page) => [...new Set(p.edges.map((e) => e.node.territory))];

  /** A list holds 2 cases of Иркутск and 1 of Баяндаевский район: each district sees its own, the region all 3. */
  const expectSplit = async (list: string, t: Record<'irkutsk' | 'bayanday' | 'region', string>) => {
    const q = `{ ${list} { totalCount edges { node { territory } } } }`;
    const page = async (token: string): Promise<Page> => {
      const r = await gql(s.gatewayUrl, q, {}, token);
      if (!r.data) throw new Error(JSON.stringify(r.errors));
      return r.data[list];
    };
    const irk = await page(t.irkutsk);
    expect([list, irk.totalCount, territories(irk)]).toEqual([list, 2, [IRKUTSK]]);
    const bay = await page(t.bayanday);
    expect([list, bay.totalCount, territories(bay)]).toEqual([list, 1, [BAYANDAY]]);
    expect([list, (await page(t.region)).totalCount]).toEqual([list, 3]);
  };

  const tokens = async (agency: 'EMPLOYMENT' | 'SOCIAL_SERVICE') => ({
    irkutsk: await tokenFor(agency, ['SPECIALIST'], `${agency}-irk`, IRKUTSK),
    bayanday: await tokenFor(agency, ['SPECIALIST'], `${agency}-bay`, BAYANDAY),
    region: await tokenFor(agency, ['HEAD'], `${agency}-region`, '25000000'),
  });

  it('ЦЗН registrations: own district only, region all, filtered by status', async () => {
    const t = await tokens('EMPLOYMENT');
    const REGISTER = `mutation($i: RegisterJobSeekerInput!) { registerJobSeeker(input: $i) { id } }`;
    const TRAIN = `mutation($i: ReferToTrainingInput!) { referToTraining(input: $i) { id } }`;
    const REFER = `mutation($i: ReferJobSeekerForSocialContractInput!) { referJobSeekerForSocialContract(input: $i) { id } }`;
    const register = async (n: number, token: string, status: string) => {
      const c = graphqlClient(s.gatewayUrl, token);
      const reg = (
        await c.ok(REGISTER, {
          i: { citizen: person(n), status, needs, education: 'SECONDARY_VOCATIONAL', experienceYears: 2 },
        })
      ).registerJobSeeker;
      await c.ok(TRAIN, {
        i: {
          registrationId: reg.id,
          programme: 'Повар',
          provider: 'ГАПОУ ИО',
          startDate: '2026-12-10',
          endDate: '2027-02-10',
          costKopecks: 1_000_000,
        },
      });
      await c.ok(REFER, { i: { registrationId: reg.id, basis: 'LOW_INCOME' } });
    };
    await register(1, t.irkutsk, 'UNEMPLOYED');
    await register(2, t.irkutsk, 'JOB_SEEKER');
    await register(3, t.bayanday, 'UNEMPLOYED');
    for (const list of ['trainingReferrals', 'employmentOutgoingReferrals']) await expectSplit(list, t);
    const LIST = `query($f: JobSeekerRegistrationFilter) { jobSeekerRegistrations(filter: $f) { totalCount edges { node { territory status } } } }`;
    const page = async (token: string, f?: Record<string, unknown>): Promise<Page> =>
      (await gql(s.gatewayUrl, LIST, { f }, token)).data.jobSeekerRegistrations;
    const irk = await page(t.irkutsk);
    expect([irk.totalCount, territories(irk)]).toEqual([2, [IRKUTSK]]);
    const bay = await page(t.bayanday);
    expect([bay.totalCount, territories(bay)]).toEqual([1, [BAYANDAY]]);
    expect((await page(t.region)).totalCount).toBe(3);
    expect((await page(t.irkutsk, { status: ['UNEMPLOYED'] })).totalCount).toBe(1);
    // Нагрузка for the region's HEAD: each registration counts its [U] norms (registration 60 + training 30 min).
    const W = `{ employmentWorkload { specialists { subject openCases hoursThisMonth projectedHoursPerMonth overloaded }
      office { specialists openCases specialistsNeeded leastLoaded } } }`;
    const w = (await gql(s.gatewayUrl, W, {}, t.region)).data.employmentWorkload;
    expect(w.specialists).toEqual([
      { subject: 'EMPLOYMENT-bay', openCases: 1, hoursThisMonth: 1.5, projectedHoursPerMonth: 2, overloaded: false },
      { subject: 'EMPLOYMENT-irk', openCases: 2, hoursThisMonth: 3, projectedHoursPerMonth: 4, overloaded: false },
    ]);
    expect(w.office).toEqual({ specialists: 2, openCases: 3, specialistsNeeded: 1, leastLoaded: 'EMPLOYMENT-bay' });
    expect((await gql(s.gatewayUrl, W, {}, t.irkutsk)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    // The specialist's own хронометраж, and the actual time where it differed from the norm.
    const LOG = `{ employmentWorkLog { id operation normedMinutes actualMinutes } }`;
    const log = (await gql(s.gatewayUrl, LOG, {}, t.irkutsk)).data.employmentWorkLog as {
      id: string;
      operation: string;
    }[];
    expect(log.map((e) => e.operation).sort()).toEqual([
      'referToTraining',
      'referToTraining',
      'registerJobSeeker',
      'registerJobSeeker',
    ]);
    const CORRECT = `mutation($i: CorrectWorkTimeInput!) { correctEmploymentWorkTime(input: $i) { normedMinutes actualMinutes } }`;
    const workId = log.find((e) => e.operation === 'registerJobSeeker')!.id;
    const corrected = await gql(s.gatewayUrl, CORRECT, { i: { workId, actualMinutes: 120 } }, t.irkutsk);
    expect(corrected.data.correctEmploymentWorkTime).toEqual({ normedMinutes: 60, actualMinutes: 120 });
    const after = (await gql(s.gatewayUrl, W, {}, t.region)).data.employmentWorkload.specialists;
    expect(after.find((x: { subject: string }) => x.subject === 'EMPLOYMENT-irk').hoursThisMonth).toBe(4);
  });

  it('КЦСОН urgent, accompaniment and prevention lists: own district only, region all', async () => {
    const t = await tokens('SOCIAL_SERVICE');
    const REQUEST = `mutation($i: RequestUrgentServicesInput!) { requestUrgentServices(input: $i) { id citizen { id } } }`;
    const OPEN = `mutation($i: OpenAccompanimentCaseInput!) { openAccompanimentCase(input: $i) { id } }`;
    const SIGNAL = `mutation($i: ReceiveSignalInput!) { receivePreventionSignal(input: $i) { id } }`;
    const open = async (n: number, token: string) => {
      const c = graphqlClient(s.gatewayUrl, token);
      const u = (
        await c.ok(REQUEST, {
          i: {
            citizen: person(n),
            identityDocument: 'паспорт',
            channel: 'WRITTEN_APPLICATION',
            circumstances: 'нет средств',
            decision: 'APPROVE',
          },
        })
      ).requestUrgentServices;
      await c.ok(OPEN, {
        i: {
          citizenId: u.citizen.id,
          programme: 'FAMILY_HELPER',
          grounds: ['ADULT_ADAPTATION_DIFFICULTIES'],
          appliedOn: '2026-11-20',
          family: { childrenCount: 2, lowIncome: true },
        },
      });
      await c.ok(SIGNAL, {
        i: {
          person: person(n + 50),
          subject: 'FAMILY',
          source: 'SCHOOL',
          sourceDetails: 'школа',
          facts: 'трудная ситуация',
          signalOn: '2026-11-20',
        },
      });
    };
    await open(11, t.irkutsk);
    await open(12, t.irkutsk);
    await open(13, t.bayanday);
    for (const list of ['urgentServiceCases', 'accompanimentCases', 'preventionCases']) await expectSplit(list, t);
    const W = `{ socialServiceWorkload { specialists { subject openCases hoursThisMonth projectedHoursPerMonth } office { openCases } } }`;
    // Urgent request 30 + accompaniment 60 minutes per person; each open case needs 2 h a month ([U]).
    expect((await gql(s.gatewayUrl, W, {}, t.region)).data.socialServiceWorkload).toEqual({
      specialists: [
        { subject: 'SOCIAL_SERVICE-bay', openCases: 3, hoursThisMonth: 1.5, projectedHoursPerMonth: 6 },
        { subject: 'SOCIAL_SERVICE-irk', openCases: 6, hoursThisMonth: 3, projectedHoursPerMonth: 12 },
      ],
      office: { openCases: 9 },
    });
    const byChannel = `{ urgentServiceCases(filter: { channel: PHONE_CALL }) { totalCount } }`;
    expect((await gql(s.gatewayUrl, byChannel, {}, t.region)).data.urgentServiceCases.totalCount).toBe(0);
    // Prevention lists are for КЦСОН case workers only.
    const cspn = await tokenFor('SOCIAL_PROTECTION', ['SPECIALIST'], 'cspn-x', IRKUTSK);
    const refused = await gql(s.gatewayUrl, `{ preventionCases { totalCount } }`, {}, cspn);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('finds a person by name in the agency’s own records, forgiving case, ё and a typo, within the territory', async () => {
    const t = await tokens('SOCIAL_SERVICE');
    const REGISTER = `mutation($i: RegisterSocialServiceApplicationInput!) { registerSocialServiceApplication(input: $i) { citizen { id } } }`;
    const register = async (
      token: string,
      lastName: string,
      firstName: string,
      middleName: string,
      birthDate: string,
    ) =>
      (
        await graphqlClient(s.gatewayUrl, token).ok(REGISTER, {
          i: { citizen: { lastName, firstName, middleName, birthDate }, needs, circumstances: [] },
        })
      ).registerSocialServiceApplication.citizen.id;
    const maria = await register(t.irkutsk, 'Иванова', 'Мария', 'Петровна', '1980-01-01');
    const referred = await register(t.irkutsk, 'Направленная', 'Ирина', 'Олеговна', '1985-03-03');
    const REFER = `mutation($i: ReferCitizenForSocialContractInput!) { referCitizenForSocialContract(input: $i) { id } }`;
    await graphqlClient(s.gatewayUrl, t.irkutsk).ok(REFER, { i: { citizenId: referred, basis: 'LOW_INCOME' } });
    const OUT = `{ socialServiceOutgoingReferrals { totalCount edges { node { territory status } } } }`;
    const out = (await gql(s.gatewayUrl, OUT, {}, t.irkutsk)).data.socialServiceOutgoingReferrals;
    expect(out).toMatchObject({ totalCount: 1, edges: [{ node: { territory: IRKUTSK } }] });
    expect((await gql(s.gatewayUrl, OUT, {}, t.bayanday)).data.socialServiceOutgoingReferrals.totalCount).toBe(0);
    await register(t.irkutsk, 'Иванов', 'Пётр', 'Ильич', '1975-05-05');
    const alena = await register(t.irkutsk, 'Ёлкина', 'Алёна', 'Сергеевна', '1992-02-02');
    await register(t.bayanday, 'Иванова', 'Ольга', 'Ивановна', '1980-01-01');
    const SEARCH = `query($t: String!, $b: Date) { socialServiceCitizenSearch(text: $t, birthDate: $b) {
      score citizen { id socialProtectionProfile { lastName } } profile { lastName firstName middleName } } }`;
    const search = async (text: string, birthDate?: string, token = t.irkutsk) =>
      (await gql(s.gatewayUrl, SEARCH, { t: text, b: birthDate }, token)).data.socialServiceCitizenSearch as {
        score: number;
        citizen: { id: string; socialProtectionProfile: unknown };
        profile: { firstName: string };
      }[];
    const ivanova = await search('иванова мария');
    expect(ivanova[0]!.citizen.id).toBe(maria);
    expect(ivanova.map((h) => h.profile.firstName)).not.toContain('Ольга'); // Баяндаевский район's
    expect(ivanova[0]!.citizen.socialProtectionProfile).toBeNull(); // ЦСПН does not know her
    expect((await search('ЕЛКИНА АЛЕНА'))[0]!.citizen.id).toBe(alena);
    expect((await search('Ивонова Мария'))[0]!.citizen.id).toBe(maria);
    expect((await search('иванов', '1975-05-05')).map((h) => h.profile.firstName)).toEqual(['Пётр']);
    expect((await search('иванова', undefined, t.bayanday)).map((h) => h.profile.firstName)).toEqual(['Ольга']);
    const short = await gql(s.gatewayUrl, SEARCH, { t: 'и' }, t.irkutsk);
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text', rule: 'MIN_LENGTH' });
    await eventually(
      async () =>
        (await count(
          s.db['social-service'],
          'audit_log',
          `citizen_id = $1 and operation like '%Query.socialServiceCitizenSearch' and action = 'READ'`,
          [maria],
        )) > 0,
    );
  });

  it('lets a HEAD reassign cases in bulk to a specialist of the territory, audited and announced; refuses the rest', async () => {
    const sp = (subject: string, role: 'SPECIALIST' | 'HEAD', territory: string) =>
      tokenFor('SOCIAL_PROTECTION', [role], subject, territory);
    const a = await sp('irk-spec-a', 'SPECIALIST', IRKUTSK);
    const b = await sp('irk-spec-b', 'SPECIALIST', IRKUTSK);
    const bay = await sp('bay-spec', 'SPECIALIST', BAYANDAY);
    const head = await sp('irk-head', 'HEAD', IRKUTSK);
    const bayHead = await sp('bay-head', 'HEAD', BAYANDAY);
    // Staff are known once they have called ЦСПН.
    for (const token of [a, b, bay, head, bayHead])
      await gql(s.gatewayUrl, `{ scApplications { totalCount } }`, {}, token);
    const SUBMIT = `mutation($i: SubmitScApplicationInput!) { submitScApplication(input: $i) { id assignedTo } }`;
    const ids: string[] = [];
    for (let n = 0; n < 3; n++)
      ids.push(
        (
          await graphqlClient(s.gatewayUrl, a).ok(SUBMIT, {
            i: {
              citizen: person(60 + n),
              zone: 'WHOLE_REGION',
              needs,
              household: [{ relation: 'APPLICANT', fullName: 'Работнова', birthDate: '1988-08-08', incomes: [] }],
            },
          })
        ).submitScApplication.id,
      );
    const ASSIGN = `mutation($i: AssignSocialProtectionCasesInput!) { assignSocialProtectionCases(input: $i) { caseId assignedTo territory } }`;
    const assign = (caseIds: string[], assignedTo: string, token = head) =>
      gql(s.gatewayUrl, ASSIGN, { i: { caseType: 'SC_APPLICATION', caseIds, assignedTo } }, token);
    const db = s.db['social-protection'];
    const notices = () => count(db, 'outbox_message', `type = 'notification.case-assigned.v1'`);
    const before = await notices();
    const fails = async (r: Promise<any>) => (await r).errors?.[0]?.extensions;
    expect(await fails(assign(ids, 'bay-spec'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      rule: 'ASSIGNEE_OUTSIDE_TERRITORY',
    });
    expect(await fails(assign(ids, 'nobody'))).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'ASSIGNEE_UNKNOWN' });
    expect(await fails(assign(ids, 'irk-spec-b', a))).toMatchObject({ code: 'FORBIDDEN', rule: 'ACCESS_POLICY' });
    expect(await fails(assign(ids, 'bay-spec', bayHead))).toMatchObject({ code: 'FORBIDDEN', rule: 'TERRITORY' });
    expect(await fails(assign([ids[0]!, ids[0]!], 'irk-spec-b'))).toMatchObject({ rule: 'DUPLICATE' });
    expect(await notices()).toBe(before);

    const done = (await assign(ids, 'irk-spec-b')).data.assignSocialProtectionCases;
    expect(done).toEqual(ids.map((caseId) => ({ caseId, assignedTo: 'irk-spec-b', territory: IRKUTSK })));
    expect(await notices()).toBe(before + 3);
    const LIST = `query($f: ScApplicationFilter) { scApplications(filter: $f) { totalCount } }`;
    expect((await gql(s.gatewayUrl, LIST, { f: { assignedTo: 'irk-spec-b' } }, b)).data.scApplications.totalCount).toBe(
      3,
    );
    expect(await count(db, 'audit_log', `operation = 'assignSocialProtectionCases' and action = 'CHANGE'`)).toBe(3);
    // Assigning again to the same specialist changes nothing and announces nothing.
    await assign(ids, 'irk-spec-b');
    expect(await notices()).toBe(before + 3);

    const staff = (await gql(s.gatewayUrl, `{ socialProtectionStaff { subject territory } }`, {}, head)).data
      .socialProtectionStaff as { subject: string }[];
    expect(staff.map((m) => m.subject)).toEqual(expect.arrayContaining(['irk-spec-a', 'irk-spec-b', 'irk-head']));
    expect(staff.map((m) => m.subject)).not.toContain('bay-spec');
  });
});
