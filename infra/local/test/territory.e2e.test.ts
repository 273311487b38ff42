import { count, eventually, gql, graphqlClient, query, tokenFor, validSnils } from '@sc/testing';
import { useTestStack } from './test-stack';

/**
 * The security review's territory findings (issue 10), replayed through the
 * gateway: a specialist of another district of region 25, or of region 50,
 * tried to read prevention facts, a psychologist's measures and household
 * incomes, to record a prevention check and to assign an application to
 * themselves (13 of 13 allowed before). Every case here is in город Иркутск
 * (25701000); the region's staff (25000000) see it, nobody else does.
 */
describe('territory-based access through the gateway', () => {
  const s = useTestStack();
  const IRKUTSK = '25701000';
  const needs = {
    socialHelp: true,
    psychologicalSupport: true,
    employmentHelp: true,
    vocationalTraining: false,
    financialLiteracy: false,
  };
  const SIGNAL = `mutation($i: ReceiveSignalInput!) { receivePreventionSignal(input: $i) { id territory citizen { id } } }`;
  const SUBMIT = `mutation($i: SubmitScApplicationInput!) { submitScApplication(input: $i) { id territory citizen { id } } }`;
  const PREVENTION = `query($id: ID!) { preventionCase(id: $id) { id facts } }`;
  const INCOMES = `query($id: ID!) { scApplication(id: $id) { id household { incomes { amountKopecks } } } }`;
  const CITIZEN_SS = `query($id: ID!) { citizen(id: $id) { socialServiceProfile { lastName } preventionCases { facts } } }`;
  const CHECK = `mutation($i: PreventionCheckInput!) { recordPreventionCheck(input: $i) { status } }`;
  const ASSIGN = `mutation($i: AssignCaseInput!) { assignScApplication(input: $i) { assignedTo } }`;

  const intruders = async (agency: 'SOCIAL_SERVICE' | 'SOCIAL_PROTECTION') => [
    await tokenFor(agency, ['SPECIALIST'], `${agency}-bayanday`, '25607000'),
    await tokenFor(agency, ['HEAD'], `${agency}-region-50`, '50000000'),
  ];
  const codeAndRule = (r: { errors?: { extensions?: { code?: string; rule?: string } }[] }) => [
    r.errors?.[0]?.extensions?.code,
    r.errors?.[0]?.extensions?.rule,
  ];

  let preventionId: string;
  let preventionCitizen: string;
  let applicationId: string;

  beforeAll(async () => {
    const kcson = graphqlClient(s.gatewayUrl, await tokenFor('SOCIAL_SERVICE', ['SPECIALIST'], 'kcson-irkutsk'));
    const signal = (
      await kcson.ok(SIGNAL, {
        i: {
          person: { snils: validSnils(7101), lastName: 'Территориальный', firstName: 'Павел', birthDate: '2013-02-02' },
          subject: 'MINOR',
          source: 'SCHOOL',
          sourceDetails: 'МБОУ СОШ № 19 г. Иркутска',
          facts: 'систематические пропуски занятий',
          signalOn: '2026-11-20',
        },
      })
    ).receivePreventionSignal;
    preventionId = signal.id;
    preventionCitizen = signal.citizen.id;
    expect(signal.territory).toBe(IRKUTSK);

    const cspn = graphqlClient(s.gatewayUrl, await tokenFor('SOCIAL_PROTECTION', ['SPECIALIST'], 'cspn-irkutsk'));
    const income = (m: string) => ({ month: m, kind: 'WAGES', amountKopecks: 1_500_000 });
    // the months of the income period of an application made today, as a form asks for them
    const { months } = (await cspn.ok(`{ scIncomePeriod { months } }`)).scIncomePeriod;
    const app = (
      await cspn.ok(SUBMIT, {
        i: {
          citizen: { snils: validSnils(7102), lastName: 'Доходова', firstName: 'Анна', birthDate: '1991-01-01' },
          zone: 'WHOLE_REGION',
          needs,
          household: [
            {
              relation: 'APPLICANT',
              fullName: 'Доходова Анна',
              birthDate: '1991-01-01',
              incomes: months.map(income),
            },
          ],
        },
      })
    ).submitScApplication;
    applicationId = app.id;
    expect(app.territory).toBe(IRKUTSK);
  });

  it('refuses prevention facts and measures to КЦСОН staff of another district or region', async () => {
    for (const token of await intruders('SOCIAL_SERVICE')) {
      expect(codeAndRule(await gql(s.gatewayUrl, PREVENTION, { id: preventionId }, token))).toEqual([
        'FORBIDDEN',
        'TERRITORY',
      ]);
      // The federated person: their profile is hidden, their prevention cases refused.
      const c = await gql(s.gatewayUrl, CITIZEN_SS, { id: preventionCitizen }, token);
      expect(c.data?.citizen?.socialServiceProfile ?? null).toBeNull();
      expect(codeAndRule(c)).toEqual(['FORBIDDEN', 'TERRITORY']);
    }
  });

  it("shows a person's access log to auditors of the person's territory only", async () => {
    const LOG = `query($id: ID!) { citizen(id: $id) { socialServiceAccessLog { operation } } }`;
    const far = await tokenFor('MINISTRY', ['AUDITOR'], 'auditor-50', '50000000');
    expect(codeAndRule(await gql(s.gatewayUrl, LOG, { id: preventionCitizen }, far))).toEqual([
      'FORBIDDEN',
      'TERRITORY',
    ]);
    const near = await tokenFor('MINISTRY', ['AUDITOR'], 'auditor-25', '25000000');
    const log = await gql(s.gatewayUrl, LOG, { id: preventionCitizen }, near);
    expect(log.data.citizen.socialServiceAccessLog).toEqual(
      expect.arrayContaining([{ operation: 'receivePreventionSignal' }]),
    );
  });

  it('refuses a prevention check from another district, and writes nothing', async () => {
    const before = await count(s.db['social-service'], 'audit_log');
    for (const token of await intruders('SOCIAL_SERVICE')) {
      const r = await gql(
        s.gatewayUrl,
        CHECK,
        { i: { caseId: preventionId, on: '2026-11-21', findings: 'x', confirmed: true, checkedBy: 'чужой' } },
        token,
      );
      expect(codeAndRule(r)).toEqual(['FORBIDDEN', 'TERRITORY']);
    }
    const [row] = await query<{ status: string }>(
      s.db['social-service'],
      'select status from prevention_case where id = $1',
      [preventionId],
    );
    expect(row!.status).toBe('SIGNAL_RECEIVED');
    expect(await count(s.db['social-service'], 'audit_log')).toBe(before);
  });

  it('refuses household incomes and assigning the application to ЦСПН staff elsewhere', async () => {
    for (const token of await intruders('SOCIAL_PROTECTION')) {
      expect(codeAndRule(await gql(s.gatewayUrl, INCOMES, { id: applicationId }, token))).toEqual([
        'FORBIDDEN',
        'TERRITORY',
      ]);
      const r = await gql(s.gatewayUrl, ASSIGN, { i: { applicationId, assignedTo: 'intruder' } }, token);
      expect(codeAndRule(r)).toEqual(['FORBIDDEN', 'TERRITORY']);
    }
    const [row] = await query<{ assigned_to: string }>(
      s.db['social-protection'],
      'select assigned_to from sc_application where id = $1',
      [applicationId],
    );
    expect(row!.assigned_to).toBe('cspn-irkutsk');
  });

  it("lets the region's staff see every district, and the district its own", async () => {
    const regionKcson = await tokenFor('SOCIAL_SERVICE', ['HEAD'], 'kcson-region', '25000000');
    const r = await gql(s.gatewayUrl, PREVENTION, { id: preventionId }, regionKcson);
    expect(r.errors).toBeUndefined();
    expect(r.data.preventionCase.facts).toBe('систематические пропуски занятий');
    const regionCspn = await tokenFor('SOCIAL_PROTECTION', ['HEAD'], 'cspn-region', '25');
    const a = await gql(s.gatewayUrl, INCOMES, { id: applicationId }, regionCspn);
    expect(a.data.scApplication.household[0].incomes).toHaveLength(3);
  });

  it('opens a case only in a district the directory knows and the user covers', async () => {
    const regionCspn = await tokenFor('SOCIAL_PROTECTION', ['SPECIALIST'], 'cspn-region-2', '25000000');
    const district = await tokenFor('SOCIAL_PROTECTION', ['SPECIALIST'], 'cspn-bayanday-2', '25607000');
    const submit = (territory: string | undefined, token: string, n: number) =>
      gql(
        s.gatewayUrl,
        SUBMIT,
        {
          i: {
            citizen: { snils: validSnils(7110 + n), lastName: 'Новикова', firstName: 'Ирина', birthDate: '1990-01-01' },
            zone: 'WHOLE_REGION',
            needs,
            household: [{ relation: 'APPLICANT', fullName: 'Новикова Ирина', birthDate: '1990-01-01', incomes: [] }],
            ...(territory ? { territory } : {}),
          },
        },
        token,
      );
    const rule = (r: { errors?: { extensions?: { rule?: string; field?: string } }[] }) => [
      r.errors?.[0]?.extensions?.rule,
      r.errors?.[0]?.extensions?.field,
    ];
    const before = await count(s.db['social-protection'], 'sc_application');
    expect(rule(await submit(undefined, regionCspn, 1))).toEqual(['TERRITORY_REQUIRED', 'input.territory']);
    expect(rule(await submit('25999000', regionCspn, 2))).toEqual(['TERRITORY_UNKNOWN', 'input.territory']);
    expect(rule(await submit('2560700', regionCspn, 3))).toEqual(['OKTMO_FORMAT', 'input.territory']);
    expect(rule(await submit(IRKUTSK, district, 4))).toEqual(['TERRITORY_OUTSIDE_SCOPE', 'input.territory']);
    expect(await count(s.db['social-protection'], 'sc_application')).toBe(before);
    const named = await submit('25646000', regionCspn, 5);
    expect(named.errors).toBeUndefined();
    expect(named.data.submitScApplication.territory).toBe('25646000');
  });

  it('lists the territory directory under the user territory', async () => {
    const Q = `{ territories { code name kind } }`;
    const district = (await gql(s.gatewayUrl, Q, {}, await tokenFor('EMPLOYMENT'))).data.territories;
    expect(district).toEqual([{ code: IRKUTSK, name: 'город Иркутск', kind: 'CITY_OKRUG' }]);
    const region = await gql(s.gatewayUrl, Q, {}, await tokenFor('EMPLOYMENT', ['HEAD'], 'e-head', '25000000'));
    expect(region.data.territories.map((t: { code: string }) => t.code)).toEqual(
      expect.arrayContaining(['25000000', '25607000', '25646000', IRKUTSK]),
    );
  });

  it('lets a region ADMIN add an entry to the directory, which reaches all three agencies', async () => {
    const DEFINE = `mutation($i: DefineTerritoryInput!) { defineTerritory(input: $i) { code kind validTo } }`;
    // A code reserved for this test, not a real formation.
    const entry = {
      code: '25699000',
      name: 'Тестовый муниципальный округ',
      parent: '25600000',
      kind: 'MUNICIPAL_OKRUG',
      validFrom: '2025-01-01',
      edition: 'тестовые данные',
    };
    const admin = await tokenFor('SOCIAL_PROTECTION', ['ADMIN'], 'sp-admin', '25000000');
    const districtAdmin = await tokenFor('SOCIAL_PROTECTION', ['ADMIN'], 'sp-admin-2', '25607000');
    const outbox = () => count(s.db['social-protection'], 'outbox_message', `type = 'territory.defined.v1'`);
    const before = await outbox();
    expect(codeAndRule(await gql(s.gatewayUrl, DEFINE, { i: entry }, districtAdmin))).toEqual([
      'FORBIDDEN',
      'TERRITORY',
    ]);
    const bad = await gql(s.gatewayUrl, DEFINE, { i: { ...entry, validTo: '2024-12-31' } }, admin);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.validTo' });
    const orphan = await gql(s.gatewayUrl, DEFINE, { i: { ...entry, parent: '25800000' } }, admin);
    expect(orphan.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'PARENT_UNKNOWN' });
    expect(await outbox()).toBe(before);

    const ok = await gql(s.gatewayUrl, DEFINE, { i: entry }, admin);
    expect(ok.data.defineTerritory).toEqual({ code: '25699000', kind: 'MUNICIPAL_OKRUG', validTo: null });
    for (const service of ['social-protection', 'employment', 'social-service'] as const)
      await eventually(async () => (await count(s.db[service], 'territory', `code = '25699000'`)) === 1);
    // КЦСОН, which never saw the mutation, now opens cases there.
    const regionKcson = await tokenFor('SOCIAL_SERVICE', ['SPECIALIST'], 'kcson-region-3', '25000000');
    const opened = await gql(
      s.gatewayUrl,
      SIGNAL,
      {
        i: {
          person: { lastName: 'Новоокружный', firstName: 'Олег', birthDate: '2012-03-03' },
          subject: 'MINOR',
          source: 'SCHOOL',
          sourceDetails: 'школа',
          facts: 'пропуски',
          signalOn: '2026-11-20',
          territory: '25699000',
        },
      },
      regionKcson,
    );
    expect(opened.errors).toBeUndefined();
    expect(opened.data.receivePreventionSignal.territory).toBe('25699000');
  });
});
