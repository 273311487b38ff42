import { ManualClock } from '@sc/kernel';
import { gql, tokenFor } from '@sc/testing';
import { useTestStack } from './test-stack';

const MONTH_LATER = `mutation MonthLater {
  socialProtection: advanceSocialProtectionClock(input: { days: 30 }) { today offsetHours }
  employment: advanceEmploymentClock(input: { days: 30 }) { today offsetHours }
  socialService: advanceSocialServiceClock(input: { days: 30 }) { today offsetHours }
}`;

/** One document through the gateway moves the three agencies' clocks together (acceptance environments only). */
describe('the acceptance clock through the gateway', () => {
  const stack = useTestStack({ clock: new ManualClock('2026-12-01T03:00:00Z'), acceptanceClock: true });

  it('moves all three with one ADMIN token, and refuses a specialist', async () => {
    const specialist = await gql(stack.gatewayUrl, MONTH_LATER, {}, await tokenFor('SOCIAL_SERVICE'));
    expect(specialist.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    const admin = await tokenFor('MINISTRY', ['ADMIN'], 'trainer', '25000000');
    const r = await gql(stack.gatewayUrl, MONTH_LATER, {}, admin);
    expect(r.errors).toBeUndefined();
    const same = { today: '2026-12-31', offsetHours: 720 };
    expect(r.data).toEqual({ socialProtection: same, employment: same, socialService: same });
  }, 60_000);
});
