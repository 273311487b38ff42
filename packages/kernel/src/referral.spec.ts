import { IllegalTransitionError } from './errors';
import { isReferralOpen, nextReferralStatus } from './referral';

describe('referral state machine (DOMAIN.md §4.4)', () => {
  it('follows the happy path CREATED → SENT → ACCEPTED → IN_SERVICE → RESULT_SENT → CLOSED', () => {
    let s = nextReferralStatus('CREATED', 'send');
    s = nextReferralStatus(s, 'accept');
    s = nextReferralStatus(s, 'citizenAppeared');
    s = nextReferralStatus(s, 'sendResult');
    expect(nextReferralStatus(s, 'close')).toBe('CLOSED');
  });

  it('lets the receiver return a sent referral, and expire a sent or accepted one', () => {
    expect(nextReferralStatus('SENT', 'return')).toBe('RETURNED');
    expect(nextReferralStatus('SENT', 'expire')).toBe('EXPIRED');
    expect(nextReferralStatus('ACCEPTED', 'expire')).toBe('EXPIRED');
  });

  it('refuses illegal transitions with CONFLICT naming the state and action', () => {
    expect(() => nextReferralStatus('RETURNED', 'accept')).toThrow(IllegalTransitionError);
    try {
      nextReferralStatus('CLOSED', 'send');
    } catch (e) {
      expect((e as IllegalTransitionError).category).toBe('CONFLICT');
      expect((e as IllegalTransitionError).details).toMatchObject({ currentState: 'CLOSED', attemptedAction: 'send' });
    }
  });

  it('knows which statuses are still open', () => {
    expect(isReferralOpen('SENT')).toBe(true);
    expect(isReferralOpen('RETURNED')).toBe(false);
  });
});
