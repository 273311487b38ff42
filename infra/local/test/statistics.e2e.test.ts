import { ManualClock } from '@sc/kernel';
import { graphqlClient, tokenFor, validSnils, TEST_NEEDS } from '@sc/testing';
import { useTestStack } from './test-stack';

/**
 * The ministry's dashboard (issue 11) through the gateway: one query, a
 * MINISTRY ANALYST token, a year of monthly rows for the region and each
 * district, each agency's indicators filled by its own subgraph, small
 * district counts hidden, the region's never; the same analyst refused every
 * per-person query.
 */
describe('ministry statistics through the gateway', () => {
  const clock = new ManualClock('2026-11-20T03:00:00Z');
  const s = useTestStack({ clock });
  const IRKUTSK = '25701000';
  const BAYANDAY = '25607000';
  const DASHBOARD = `query($t: String!, $from: String!, $to: String!, $by: [StatisticsAxis!]!) {
    statistics(territory: $t, from: $from, to: $to, by: $by) {
      territory period level territoryName
      socialProtection { applicationsByChannel { total { count suppressed } by { key count suppressed } } }
      employment { registrationsByChannel { total { count suppressed } } }
      socialService { preventionCasesByStage { total { count suppressed } } }
    } }`;
  let analyst: string;
  let citizenId: string;

  beforeAll(async () => {
    analyst = await tokenFor('MINISTRY', ['ANALYST'], 'ministry-analyst', '25');
    const sp = (t: string) => tokenFor('SOCIAL_PROTECTION', ['SPECIALIST'], `sp-${t}`, t);
    const submit = async (n: number, token: string) =>
      graphqlClient(s.gatewayUrl, token).ok(
        `mutation($i: SubmitScApplicationInput!) { submitScApplication(input: $i) { citizen { id } } }`,
        {
          i: {
            citizen: {
              snils: validSnils(9300 + n),
              lastName: 'Дашбордова',
              firstName: `Ия${n}`,
              birthDate: '1990-01-01',
            },
            zone: 'WHOLE_REGION',
            needs: TEST_NEEDS,
            household: [{ relation: 'APPLICANT', fullName: `Дашбордова Ия${n}`, birthDate: '1990-01-01', incomes: [] }],
          },
        },
      );
    const irkutsk = await sp(IRKUTSK);
    for (let n = 0; n < 7; n++) citizenId = (await submit(n, irkutsk)).submitScApplication.citizen.id;
    const bayanday = await sp(BAYANDAY);
    for (let n = 7; n < 9; n++) await submit(n, bayanday);
    await graphqlClient(s.gatewayUrl, await tokenFor('EMPLOYMENT', ['SPECIALIST'], 'czn-irk', IRKUTSK)).ok(
      `mutation($i: RegisterJobSeekerInput!) { registerJobSeeker(input: $i) { id } }`,
      {
        i: {
          citizen: { snils: validSnils(9400), lastName: 'Учётова', firstName: 'Анна', birthDate: '1985-05-05' },
          status: 'UNEMPLOYED',
          needs: TEST_NEEDS,
          education: 'SECONDARY_GENERAL',
          experienceYears: 3,
        },
      },
    );
  });

  it('one query answers a year of months for the region and each district, from all three agencies, small cells hidden', async () => {
    const res = await graphqlClient(s.gatewayUrl, analyst).ok(DASHBOARD, {
      t: '25',
      from: '2026-01',
      to: '2026-12',
      by: ['MONTH', 'TERRITORY'],
    });
    const rows = res.statistics as any[];
    const territories = [...new Set(rows.map((r) => r.territory))];
    expect(territories).toEqual(expect.arrayContaining(['25000000', IRKUTSK, BAYANDAY]));
    expect(rows).toHaveLength(territories.length * 12);
    const at = (t: string, p: string) => rows.find((r) => r.territory === t && r.period === p);
    const region = at('25000000', '2026-11');
    expect(region.level).toBe('REGION');
    expect(region.socialProtection.applicationsByChannel.total).toEqual({ count: 9, suppressed: false });
    // ЦЗН's field came from ЦЗН: one registration in the region, shown at region level
    expect(region.employment.registrationsByChannel.total).toEqual({ count: 1, suppressed: false });
    expect(region.socialService.preventionCasesByStage.total).toEqual({ count: 0, suppressed: false });
    // Баяндаевский район: 2 applications → hidden; Иркутск's 7 then alone would reveal it → hidden too
    expect(at(BAYANDAY, '2026-11').socialProtection.applicationsByChannel.total).toEqual({
      count: null,
      suppressed: true,
    });
    expect(at(IRKUTSK, '2026-11').socialProtection.applicationsByChannel.total.suppressed).toBe(true);
    // ЦЗН's single registration is hidden in the district, the region shows it
    expect(at(IRKUTSK, '2026-11').employment.registrationsByChannel.total).toEqual({ count: null, suppressed: true });
    // a month with nothing shows zeros, never hidden
    expect(at(IRKUTSK, '2026-03').socialProtection.applicationsByChannel.total).toEqual({
      count: 0,
      suppressed: false,
    });
  });

  it('the same analyst is refused every per-person query through the gateway', async () => {
    const api = graphqlClient(s.gatewayUrl, analyst);
    for (const q of [
      `query($id: ID!) { citizen(id: $id) { socialProtectionProfile { lastName } } }`,
      `query($id: ID!) { citizen(id: $id) { employmentProfile { lastName } } }`,
      `query($id: ID!) { citizen(id: $id) { socialServiceProfile { lastName } } }`,
      `query { scApplications(first: 5) { totalCount } }`,
    ]) {
      const r = await api.call(q, { id: citizenId });
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});
