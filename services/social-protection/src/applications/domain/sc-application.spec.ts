import { IllegalTransitionError } from '@sc/kernel';
import { RegionalParameters } from '../../parameters/domain/regional-parameters';
import { ScApplication } from './sc-application';

const needs = {
  socialHelp: true,
  psychologicalSupport: false,
  employmentHelp: true,
  vocationalTraining: false,
  financialLiteracy: true,
};
const open = () =>
  ScApplication.openFromReferral({
    citizenId: 'c',
    territory: '25607000',
    fromAgency: 'SOCIAL_SERVICE',
    needs,
    now: new Date('2026-11-23T00:00:00Z'),
    params: RegionalParameters.defaults(),
  });

describe('ScApplication state machine (DOMAIN.md §4.1)', () => {
  it('opens from a КЦСОН referral as REGISTERED with the referral channel', () => {
    expect(open()).toMatchObject({ status: 'REGISTERED', channel: 'REFERRAL_FROM_SOCIAL_SERVICE' });
  });

  it('walks the path to CONTRACTED, with a return for rework on the way', () => {
    const a = open();
    for (const e of [
      'dataComplete',
      'findEligible',
      'completeSurvey',
      'submitToCommission',
      'returnForRework',
      'submitToCommission',
      'approve',
      'sign',
    ] as const)
      a.apply(e);
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

describe('178-ФЗ ст. 8 deadlines', () => {
  it('sets the decision due 10 days after registration, and 30 with an extra check', () => {
    const a = open();
    expect(a.decisionDueDate).toBe('2026-12-03');
    a.apply('dataComplete');
    a.requireExtraCheck(RegionalParameters.defaults());
    expect(a.status).toBe('EXTRA_CHECK');
    expect(a.extraCheckDueDate).toBe('2026-12-23');
  });
  it('locks the household once the means test ran', () => {
    const a = open();
    a.apply('dataComplete');
    expect(() => a.assertDataEditable()).toThrow(/cannot change its household/);
  });
});
