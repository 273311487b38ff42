import { ManualClock } from '@sc/kernel';
import { serviceUnderTest, validSnils } from '@sc/testing';
import { createSocialServiceServer } from '../src/server';

/**
 * "Today" is Иркутск's calendar day (REGION_TIME_ZONE, Asia/Irkutsk for
 * region 25), not UTC's: at 00:30 local time on 3 November the UTC date is
 * still 2 November. Dates a case worker enters are checked against the
 * local date, and an instant's date (the request's) is its local date.
 */
describe('КЦСОН at local midnight (the region’s clock)', () => {
  const clock = new ManualClock('2026-11-02T16:30:00Z'); // 3 Nov 00:30 in Иркутск
  const sut = serviceUnderTest({
    name: 'social-service',
    create: createSocialServiceServer,
    clock,
    caller: { agency: 'SOCIAL_SERVICE', roles: ['SPECIALIST'] },
  });
  const REQUEST = `mutation($i: RequestUrgentServicesInput!) { requestUrgentServices(input: $i) { id status } }`;
  const DELIVER = `mutation($i: RecordUrgentDeliveryInput!) { recordUrgentServiceDelivery(input: $i) { deliveries { serviceCode } } }`;
  const deliver = (caseId: string, deliveredOn: string) =>
    sut.call(DELIVER, { i: { caseId, serviceCode: 'FOOD', quantity: 1, deliveredOn } }, sut.token);

  it('takes the local date as today and as the request’s date, on both sides of UTC midnight', async () => {
    const u = (
      await sut.ok(REQUEST, {
        i: {
          citizen: { snils: validSnils(961), lastName: 'Полуночная', firstName: 'Вера', birthDate: '1980-01-01' },
          identityDocument: 'паспорт 2515 000961',
          channel: 'WRITTEN_APPLICATION',
          circumstances: 'нет средств к существованию',
          decision: 'APPROVE',
        },
      })
    ).requestUrgentServices;
    // 2 November is the UTC date, but the request was made on 3 November local time.
    expect((await deliver(u.id, '2026-11-02')).errors?.[0]?.extensions).toMatchObject({
      field: 'input.deliveredOn',
      rule: 'DATE_ORDER',
    });
    // 4 November is tomorrow locally.
    expect((await deliver(u.id, '2026-11-04')).errors?.[0]?.extensions).toMatchObject({
      field: 'input.deliveredOn',
      rule: 'NOT_IN_FUTURE',
    });
    // 3 November — a day UTC has not reached yet — is today in Иркутск.
    const r = await deliver(u.id, '2026-11-03');
    expect(r.errors).toBeUndefined();
    expect(r.data.recordUrgentServiceDelivery.deliveries).toEqual([{ serviceCode: 'FOOD' }]);
  });

  it('a birth date of today (local) is accepted at 07:59 local, tomorrow’s is refused', async () => {
    clock.set('2026-11-02T23:59:00Z'); // 3 Nov 07:59 local
    const newborn = (birthDate: string, seed: number) =>
      sut.call(
        REQUEST,
        {
          i: {
            citizen: { snils: validSnils(seed), lastName: 'Новая', firstName: 'Жизнь', birthDate },
            identityDocument: 'свидетельство о рождении',
            channel: 'WRITTEN_APPLICATION',
            circumstances: 'новорождённая, мать без средств',
          },
        },
        sut.token,
      );
    expect((await newborn('2026-11-03', 962)).errors).toBeUndefined();
    expect((await newborn('2026-11-04', 963)).errors?.[0]?.extensions).toMatchObject({
      field: 'input.citizen.birthDate',
      rule: 'NOT_IN_FUTURE',
    });
  });
});
