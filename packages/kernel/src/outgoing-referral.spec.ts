import { ConflictError, IllegalTransitionError } from './errors';
import { OutgoingReferral } from './outgoing-referral';

const base = {
  citizenId: 'c1',
  territory: '25607000',
  senderCaseId: 'a1',
  basis: 'LOW_INCOME' as const,
  createdBy: 'u',
  now: new Date('2026-11-23T10:00:00Z'),
};

describe('OutgoingReferral (КЦСОН or ЦЗН → ЦСПН)', () => {
  it('is created already SENT, as a referral for a contract to ЦСПН', () => {
    const r = OutgoingReferral.sendForContract({ ...base, openReferrals: [] });
    expect(r).toMatchObject({ status: 'SENT', type: 'FOR_CONTRACT', toAgency: 'SOCIAL_PROTECTION' });
  });

  it('refuses a second open referral for a contract (CONFLICT)', () => {
    const first = OutgoingReferral.sendForContract({ ...base, openReferrals: [] });
    expect(() => OutgoingReferral.sendForContract({ ...base, openReferrals: [first] })).toThrow(ConflictError);
    first.returnWith('wrong district', new Date());
    expect(() => OutgoingReferral.sendForContract({ ...base, openReferrals: [first] })).not.toThrow();
  });

  it('records acceptance once; the same reply again has no effect; a return after the citizen came is illegal', () => {
    const r = OutgoingReferral.sendForContract({ ...base, openReferrals: [] });
    expect(r.accept('case-1', new Date())).toBe(true);
    expect(r.accept('case-1', new Date())).toBe(false);
    expect(r.status).toBe('ACCEPTED');
    expect(r.startService('case-1', new Date('2026-11-24T10:00:00Z'))).toBe(true);
    expect(() => r.returnWith('late', new Date())).toThrow(IllegalTransitionError);
  });

  it('may be returned after acceptance while the citizen has not come (acceptance is on receipt)', () => {
    const r = OutgoingReferral.sendForContract({ ...base, openReferrals: [] });
    r.accept('case-1', new Date('2026-11-23T10:00:01Z'));
    expect(r.returnWith('wrong district', new Date('2026-11-24T09:00:00Z'))).toBe(true);
    expect(r).toMatchObject({ status: 'RETURNED', returnReason: 'wrong district' });
    expect(r.respondedAt).toEqual(new Date('2026-11-23T10:00:01Z')); // the acceptance keeps its day on the board
  });

  it('walks in service → result (closed on the sender’s side), each step once', () => {
    const r = OutgoingReferral.send({
      ...base,
      type: 'FOR_URGENT_AND_ACCOMPANIMENT',
      toAgency: 'SOCIAL_SERVICE',
      openReferrals: [],
      deadlines: { acceptanceDueOn: '2026-11-24', resultDueOn: '2026-11-30' },
    });
    r.accept('u1', new Date('2026-11-23T10:00:01Z'));
    const at = new Date('2026-11-25T10:00:00Z');
    expect(r.recordResult({ receiverCaseId: 'u1', outcome: 'SERVICES_PROVIDED', summary: 'оказаны', at })).toBe(true);
    expect(r).toMatchObject({ status: 'CLOSED', outcome: 'SERVICES_PROVIDED', inServiceAt: at, resultAt: at });
    expect(r.recordResult({ receiverCaseId: 'u1', outcome: 'REFUSED', at })).toBe(false);
    expect(r.outcome).toBe('SERVICES_PROVIDED');
  });

  it('is breached on acceptance when still SENT after its deadline, on result when accepted and unanswered after it', () => {
    const deadlines = { acceptanceDueOn: '2026-11-25', resultDueOn: '2026-12-01' };
    const r = OutgoingReferral.send({
      ...base,
      type: 'FOR_EMPLOYMENT_SERVICES',
      toAgency: 'EMPLOYMENT',
      openReferrals: [],
      deadlines,
    });
    expect(r.breachOn('2026-11-25')).toBeNull(); // due today is in time
    expect(r.breachOn('2026-11-26')).toBe('ACCEPTANCE');
    r.accept('x', new Date('2026-11-26T03:00:00Z'));
    expect(r.breachOn('2026-11-26')).toBeNull();
    expect(r.breachOn('2026-12-02')).toBe('RESULT');
    r.expire(new Date('2026-12-03T00:00:00Z'));
    expect(r.breachOn('2026-12-10')).toBeNull(); // closed: nothing more is expected
  });

  it('allows one open referral per type and receiver, not per citizen', () => {
    const m1 = OutgoingReferral.send({
      ...base,
      type: 'FOR_EMPLOYMENT_SERVICES',
      toAgency: 'EMPLOYMENT',
      openReferrals: [],
    });
    const urgent = { ...base, type: 'FOR_URGENT_AND_ACCOMPANIMENT' as const, toAgency: 'SOCIAL_SERVICE' as const };
    expect(() => OutgoingReferral.send({ ...urgent, openReferrals: [m1] })).not.toThrow();
    const first = OutgoingReferral.send({ ...urgent, openReferrals: [m1] });
    expect(() => OutgoingReferral.send({ ...urgent, openReferrals: [m1, first] })).toThrow(ConflictError);
  });
});
