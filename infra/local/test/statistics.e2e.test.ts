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

  it('exports the same statistics as CSV with Russian headers, the same token and the same suppression', async () => {
    const base = s.gatewayUrl.replace(/\/graphql$/, '');
    const get = (q: string, token = analyst) =>
      fetch(`${base}/statistics.csv?${q}`, { headers: { authorization: `Bearer ${token}` } });
    const res = await get('territory=25&from=2026-11&to=2026-11&by=TERRITORY');
    if (res.status !== 200) throw new Error(await res.text());
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = (await res.text()).replace(/^\uFEFF/, '');
    const [header, ...lines] = text
      .trim()
      .split('\r\n')
      .map((l) => l.split(';'));
    expect(header).toEqual(
      expect.arrayContaining(['ОКТМО', 'Территория', 'Период', 'Ведомство', 'Показатель', 'Число', 'Скрыто']),
    );
    const col = (name: string) => header!.indexOf(name);
    const row = (t: string, agency: string, code: string, key = 'итого') =>
      lines.find(
        (l) =>
          l[col('ОКТМО')] === t &&
          l[col('Ведомство')] === agency &&
          l[col('Код показателя')] === code &&
          l[col('Разрез')] === key,
      )!;
    expect(row('25000000', 'ЦСПН', 'applicationsByChannel')[col('Число')]).toBe('9');
    const bay = row(BAYANDAY, 'ЦСПН', 'applicationsByChannel');
    expect([bay[col('Число')], bay[col('Скрыто')]]).toEqual(['', 'да']);
    expect(row('25000000', 'ЦЗН', 'registrationsByChannel')[col('Число')]).toBe('1');
    expect(row('25000000', 'КЦСОН', 'preventionCasesByStage')[col('Число')]).toBe('0');
    // errors keep their codes: a bad period, a territory outside the caller's, no token
    expect((await get('territory=25&from=2026-13&to=2026-12')).status).toBe(400);
    const district = await tokenFor('SOCIAL_PROTECTION', ['HEAD'], 'head-bay', BAYANDAY);
    expect((await get('territory=25&from=2026-01&to=2026-12', district)).status).toBe(403);
    expect((await fetch(`${base}/statistics.csv?territory=25&from=2026-01&to=2026-12`)).status).toBe(401);
  });
});
