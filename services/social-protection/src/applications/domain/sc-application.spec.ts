import { IllegalTransitionError } from '@sc/kernel';
import { ScApplication } from './sc-application';

const needs = { socialHelp: true, psychologicalSupport: false, employmentHelp: true, vocationalTraining: false, financialLiteracy: true };
const open = () => ScApplication.openFromReferral({ citizenId: 'c', fromAgency: 'SOCIAL_SERVICE', needs, now: new Date('2026-11-23T00:00:00Z') });

describe('ScApplication state machine (DOMAIN.md §4.1)', () => {
  it('opens from a КЦСОН referral as REGISTERED with the referral channel', () => {
    expect(open()).toMatchObject({ status: 'REGISTERED', channel: 'REFERRAL_FROM_SOCIAL_SERVICE' });
  });

  it('walks the path to CONTRACTED, with a return for rework on the way', () => {
    const a = open();
    for (const e of ['dataComplete', 'findEligible', 'completeSurvey', 'submitToCommission', 'returnForRework', 'submitToCommission', 'approve', 'sign'] as const) a.apply(e);
    expect(a.status).toBe('CONTRACTED');
    expect(a.isOpen()).toBe(false);
  });

  it('can be withdrawn from any open state but not after a final one', () => {
    const a = open();
    a.apply('withdraw');
    expect(a.status).toBe('WITHDRAWN');
    expect(() => a.apply('withdraw')).toThrow(IllegalTransitionError);
  });

  it('refuses skipping the commission: REGISTERED cannot be approved', () => {
    expect(() => open().apply('approve')).toThrow(/REGISTERED cannot approve/);
  });
});
