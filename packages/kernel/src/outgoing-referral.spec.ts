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

  it('records acceptance once; the same reply again has no effect; a later return is illegal', () => {
    const r = OutgoingReferral.sendForContract({ ...base, openReferrals: [] });
    expect(r.accept('case-1', new Date())).toBe(true);
    expect(r.accept('case-1', new Date())).toBe(false);
    expect(r.status).toBe('ACCEPTED');
    expect(() => r.returnWith('late', new Date())).toThrow(IllegalTransitionError);
  });
});
