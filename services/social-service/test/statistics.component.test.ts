import { ManualClock } from '@sc/kernel';
import {
  casesOfCell,
  countersAndSources,
  query,
  seededRandom,
  serviceUnderTest,
  statisticsCellsOf,
  SIGNATURE_PNG_BASE64,
  tokenFor,
  validSnils,
} from '@sc/testing';
import { createSocialServiceServer } from '../src/server';
import { SOCIAL_SERVICE_STAT_SOURCES } from '../src/statistics/adapters/statistics.sql';

/**
 * КЦСОН's statistics (issue 11): after a randomized run of the urgent-service
 * use cases (request, decide or refuse, deliver, draw up and sign the act or
 * close it unsigned) in two districts, every counter equals a plain GROUP BY
 * over the source tables, and the query answers what the tables hold.
 */
const clock = new ManualClock('2026-11-02T03:00:00Z');
const IRKUTSK = '25701000';
const BAYANDAY = '25607000';

describe('КЦСОН statistics (component, real PostgreSQL)', () => {
  const sut = serviceUnderTest({
    name: 'social-service',
    create: createSocialServiceServer,
    clock,
    caller: { agency: 'SOCIAL_SERVICE', roles: ['SPECIALIST'], subject: 'kcson-stat' },
  });
  const { ok } = sut;
  const spec: Record<string, string> = {};
  let head: string;

  beforeAll(async () => {
    for (const t of [IRKUTSK, BAYANDAY]) spec[t] = await tokenFor('SOCIAL_SERVICE', ['SPECIALIST'], `kcson-${t}`, t);
    head = await tokenFor('SOCIAL_SERVICE', ['HEAD'], 'kcson-region-head', '25000000');
  });

  /** One urgent case's random walk. */
  async function walk(n: number, r: ReturnType<typeof seededRandom>): Promise<void> {
    const token = spec[r.pick([IRKUTSK, IRKUTSK, BAYANDAY])]!;
    clock.set(`2026-11-${String(r.int(2, 27)).padStart(2, '0')}T03:00:00Z`);
    const day = clock.now().toISOString().slice(0, 10);
    const anonymous = r.chance(0.2);
    const channel = anonymous ? 'PHONE_CALL' : r.pick(['WRITTEN_APPLICATION', 'ORGANISATION_NOTICE', 'PHONE_CALL']);
    const decideNow = r.chance(0.6);
    const c = (
      await ok(
        `mutation($i: RequestUrgentServicesInput!) { requestUrgentServices(input: $i) { id status } }`,
        {
          i: {
            ...(anonymous
              ? { anonymous: true }
              : {
                  citizen: {
                    snils: validSnils(9600 + n),
                    lastName: 'Срочная',
                    firstName: `Ева${n}`,
                    birthDate: '1980-01-01',
                  },
                  identityDocument: `паспорт 2515 ${String(n).padStart(6, '0')}`,
                }),
            channel,
            ...(channel === 'ORGANISATION_NOTICE' ? { notifiedBy: 'ОГБУЗ «Городская больница № 1»' } : {}),
            circumstances: 'нет средств к существованию',
            ...(decideNow ? { decision: 'APPROVE' } : {}),
          },
        },
        token,
      )
    ).requestUrgentServices;
    if (!decideNow) {
      if (r.chance(0.2)) return; // left undecided
      const approve = r.chance(0.7);
      await ok(
        `mutation($i: DecideUrgentNeedInput!) { decideUrgentNeed(input: $i) { status } }`,
        { i: { caseId: c.id, approve, ...(approve ? {} : { reason: 'нет оснований' }) } },
        token,
      );
      if (!approve) return;
    }
    const codes = anonymous ? ['EMERGENCY_PSYCHOLOGICAL_HELP'] : ['FOOD', 'CLOTHING', 'EMERGENCY_PSYCHOLOGICAL_HELP'];
    for (let d = 0; d < r.int(1, 3); d++)
      await ok(
        `mutation($i: RecordUrgentDeliveryInput!) { recordUrgentServiceDelivery(input: $i) { status } }`,
        { i: { caseId: c.id, serviceCode: r.pick(codes), quantity: r.int(1, 3), deliveredOn: day } },
        token,
      );
    if (r.chance(0.25)) return; // awaiting the signature
    if (anonymous || (channel === 'PHONE_CALL' && r.chance(0.5))) {
      await ok(
        `mutation($i: CloseUnsignedInput!) { closeUrgentCaseUnsigned(input: $i) { status } }`,
        { i: { caseId: c.id, reason: 'помощь по телефону' } },
        token,
      );
      return;
    }
    const act = (
      await ok(
        `mutation($i: IssueUrgentActInput!) { issueUrgentServiceAct(input: $i) { id contentHash } }`,
        { i: { caseId: c.id } },
        token,
      )
    ).issueUrgentServiceAct;
    await ok(
      `mutation($i: SignUrgentActInput!) { signUrgentServiceAct(input: $i) { signed } }`,
      {
        i: {
          actId: act.id,
          signaturePng: SIGNATURE_PNG_BASE64,
          shownActHash: act.contentHash,
          signerName: 'Срочная Е.',
        },
      },
      token,
    );
  }

  it('after a randomized run, every counter equals a plain GROUP BY, and the query answers what the tables hold', async () => {
    const r = seededRandom(Number(process.env.STAT_SEED ?? 20261130));
    for (let n = 0; n < Number(process.env.STAT_CITIZENS ?? 30); n++) await walk(n, r);
    const { live, plain, indicators } = await countersAndSources(sut.db, Object.keys(SOCIAL_SERVICE_STAT_SOURCES));
    expect(live).toEqual(plain);
    for (const i of ['URGENT_CASES', 'URGENT_DELIVERIES', 'URGENT_ACTS']) expect(indicators).toContain(i);

    // КЦСОН's subgraph alone has no root `statistics` (ЦСПН owns it): ask for the cells as the gateway would.
    const cells = await statisticsCellsOf(
      ok,
      head,
      `socialService {
          urgentCasesByChannel { total { count } }
          urgentActs { by { key count } }
          urgentServicesByCode { total { count } } }`,
      ['25000000', IRKUTSK, BAYANDAY],
      '2026-11',
    );
    for (const cell of cells) {
      const like = casesOfCell(cell.territory);
      const [cases] = await query(
        sut.db,
        `select count(*)::int as n, count(*) filter (where unsigned_reason is not null)::int as unsigned,
                coalesce(sum(jsonb_array_length(deliveries)), 0)::int as deliveries
           from urgent_service_case where territory like $1`,
        [like],
      );
      expect(cell.socialService.urgentCasesByChannel.total.count).toBe(cases.n);
      expect(cell.socialService.urgentServicesByCode.total.count).toBe(cases.deliveries);
      const unsigned = cell.socialService.urgentActs.by.find((v: { key: string }) => v.key === 'UNSIGNED');
      expect(unsigned.count).toBe(cases.unsigned);
    }
  });
});
