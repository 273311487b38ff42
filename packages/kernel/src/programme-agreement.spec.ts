import { checkAgreementAnswer } from './programme-agreement';

const ruleOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as { details: { rule: string } }).details.rule;
  }
  return 'no error';
};

describe('an answer to a draft ПСА (seed 000 step 3)', () => {
  const ids = ['a1'];
  const changes = (over: object) => ({ decision: 'CHANGES_PROPOSED' as const, comment: 'позже', ...over });
  it('normalises an agreement and a proposal', () => {
    expect(checkAgreementAnswer({ decision: 'AGREED', comment: '  ' }, ids)).toEqual({
      decision: 'AGREED',
      comment: null,
      proposals: [],
    });
    expect(
      checkAgreementAnswer(
        changes({ proposals: [{ activityId: 'a1', description: ' срок ', dueDate: '2027-04-30' }] }),
        ids,
      ).proposals,
    ).toEqual([{ activityId: 'a1', kind: null, description: 'срок', dueDate: '2027-04-30' }]);
  });
  it('refuses each broken rule naming it', () => {
    expect(ruleOf(() => checkAgreementAnswer(changes({ comment: ' ' }), ids))).toBe('COMMENT_FOR_CHANGES');
    expect(ruleOf(() => checkAgreementAnswer(changes({ comment: 'x'.repeat(2001) }), ids))).toBe('MAX_LENGTH');
    expect(ruleOf(() => checkAgreementAnswer({ decision: 'AGREED', proposals: [{ description: 'x' }] }, ids))).toBe(
      'NOT_APPLICABLE',
    );
    const many = Array.from({ length: 51 }, () => ({ description: 'x' }));
    expect(ruleOf(() => checkAgreementAnswer(changes({ proposals: many }), ids))).toBe('MAX_ITEMS');
    expect(ruleOf(() => checkAgreementAnswer(changes({ proposals: [{ description: ' ' }] }), ids))).toBe('REQUIRED');
    expect(ruleOf(() => checkAgreementAnswer(changes({ proposals: [{ description: 'x'.repeat(2001) }] }), ids))).toBe(
      'MAX_LENGTH',
    );
    expect(
      ruleOf(() => checkAgreementAnswer(changes({ proposals: [{ activityId: 'b2', description: 'x' }] }), ids)),
    ).toBe('UNKNOWN_ACTIVITY');
    expect(
      ruleOf(() => checkAgreementAnswer(changes({ proposals: [{ description: 'x', dueDate: '30.04.2027' }] }), ids)),
    ).toBe('DATE_FORMAT');
  });
});
