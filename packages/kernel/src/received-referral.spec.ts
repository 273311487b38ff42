import { IllegalTransitionError, ValidationError } from './errors';
import { ReceivedReferral } from './received-referral';
import { REFERRAL_PARAMETER_DEFINITIONS, referralDeadlines } from './referral';
import { WorkingCalendar } from './working-calendar';

class Received extends ReceivedReferral {
  static of(appearanceDueOn = '2026-12-07'): Received {
    return new Received().receive({
      id: 'r1',
      citizenId: 'c1',
      territory: '25607000',
      type: 'FOR_EMPLOYMENT_SERVICES',
      fromAgency: 'SOCIAL_PROTECTION',
      senderCaseId: 'a1',
      receivedAt: new Date('2026-11-23T03:00:00Z'),
      appearanceDueOn,
    });
  }
}
const at = new Date('2026-11-25T03:00:00Z');

describe('ReceivedReferral (the receiver’s copy, DOMAIN.md §4.4)', () => {
  it('is ACCEPTED on receipt; the citizen appears once; the result goes back once', () => {
    const r = Received.of();
    expect(r.status).toBe('ACCEPTED');
    expect(r.citizenAppeared('reg-1', at)).toBe(true);
    expect(r.citizenAppeared('reg-1', at)).toBe(false);
    expect(r.sendResult({ receiverCaseId: 'reg-1', outcome: 'PLAN_AGREED', summary: '  план  ', at })).toBe(true);
    expect(r).toMatchObject({
      status: 'RESULT_SENT',
      receiverCaseId: 'reg-1',
      outcome: 'PLAN_AGREED',
      resultSummary: 'план',
    });
    expect(r.sendResult({ receiverCaseId: 'reg-1', outcome: 'EMPLOYED', at })).toBe(false);
  });

  it('takes a result straight from ACCEPTED (the citizen evidently came)', () => {
    const r = Received.of();
    expect(r.sendResult({ receiverCaseId: 'u1', outcome: 'REFUSED', at })).toBe(true);
    expect(r).toMatchObject({ status: 'RESULT_SENT', inServiceAt: at });
  });

  it('is returned with a reason only while the citizen has not come', () => {
    const r = Received.of();
    expect(() => r.returnWith('  ', 'u', at)).toThrow(ValidationError);
    r.returnWith('другой район', 'head-1', at);
    expect(r).toMatchObject({ status: 'RETURNED', returnReason: 'другой район', returnedBy: 'head-1' });
    expect(r.sendResult({ receiverCaseId: 'x', outcome: 'REFUSED', at })).toBe(false);
    const came = Received.of();
    came.citizenAppeared('reg', at);
    expect(() => came.returnWith('поздно', 'u', at)).toThrow(IllegalTransitionError);
  });

  it('expires the day after its appearance deadline if the citizen has not come, and only then', () => {
    const r = Received.of('2026-12-07');
    expect(r.expireIfDue('2026-12-07', at)).toBe(false);
    expect(r.expireIfDue('2026-12-08', at)).toBe(true);
    expect(r.status).toBe('EXPIRED');
    const came = Received.of('2026-12-07');
    came.citizenAppeared('reg', at);
    expect(came.expireIfDue('2026-12-20', at)).toBe(false);
  });
});

describe('referral deadlines (dated regional parameters, working days)', () => {
  const calendar = new WorkingCalendar([{ date: '2026-12-31', kind: 'HOLIDAY' }]);
  const defaults = {
    get: (c: keyof typeof REFERRAL_PARAMETER_DEFINITIONS) => REFERRAL_PARAMETER_DEFINITIONS[c].defaultValue,
  };

  it('counts each deadline of a type in working days from the day sent', () => {
    // Friday 27 November: +1 working day is Monday 30th, +5 is Friday 4 December.
    expect(referralDeadlines('FOR_URGENT_AND_ACCOMPANIMENT', '2026-11-27', defaults, calendar)).toEqual({
      acceptanceDueOn: '2026-11-30',
      resultDueOn: '2026-12-04',
      appearanceDueOn: '2026-12-04',
    });
    // A holiday does not count: with 31 December off, the second working day after the 29th is 1 January.
    expect(referralDeadlines('FOR_CONTRACT', '2026-12-29', defaults, calendar).acceptanceDueOn).toBe('2027-01-01');
  });

  it('declares an acceptance, a result and an appearance deadline for every type agencies exchange', () => {
    expect(Object.keys(REFERRAL_PARAMETER_DEFINITIONS).sort()).toEqual(
      ['FOR_CONTRACT', 'FOR_EMPLOYMENT_SERVICES', 'FOR_URGENT_AND_ACCOMPANIMENT']
        .flatMap((t) => ['ACCEPTANCE', 'RESULT', 'APPEARANCE'].map((s) => `REFERRAL_${s}_WORKING_DAYS_${t}`))
        .sort(),
    );
  });
});
