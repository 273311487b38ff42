import { decide, type AccessRule } from '@sc/auth';
import { MATRIX_CASE_TERRITORY, matrixMismatches, matrixPrincipal as who } from '@sc/testing';
import * as RULES from './access';

describe('ЦСПН access policy: agency × role × territory × operation', () => {
  it.each(Object.entries(RULES) as [string, AccessRule][])(
    '%s: agency and role decide first, then the territory of the case',
    (_name, rule) => expect(matrixMismatches(rule)).toEqual([]),
  );

  // The findings of the security review (issue 10), one row each.
  it.each([
    [
      'household incomes, another district',
      RULES.READ_MEANS,
      'SOCIAL_PROTECTION',
      'SPECIALIST',
      'otherDistrict',
      'TERRITORY',
    ],
    ['household incomes, region 50', RULES.READ_MEANS, 'SOCIAL_PROTECTION', 'SPECIALIST', 'otherRegion', 'TERRITORY'],
    [
      "assigning another region's application",
      RULES.CASE_WORK,
      'SOCIAL_PROTECTION',
      'SPECIALIST',
      'otherRegionDistrict',
      'TERRITORY',
    ],
    ['assigning within the district', RULES.CASE_WORK, 'SOCIAL_PROTECTION', 'SPECIALIST', 'sameDistrict', null],
    [
      'a commission decision, region commission',
      RULES.COMMISSION_DECIDES,
      'SOCIAL_PROTECTION',
      'COMMISSION_MEMBER',
      'region',
      null,
    ],
    [
      'early termination, head of another district',
      RULES.HEAD_DECIDES,
      'SOCIAL_PROTECTION',
      'HEAD',
      'otherDistrict',
      'TERRITORY',
    ],
    [
      'applications, КЦСОН of the district',
      RULES.READ_APPLICATIONS,
      'SOCIAL_SERVICE',
      'SPECIALIST',
      'sameDistrict',
      null,
    ],
    [
      'incomes, КЦСОН of the district',
      RULES.READ_MEANS,
      'SOCIAL_SERVICE',
      'SPECIALIST',
      'sameDistrict',
      'ACCESS_POLICY',
    ],
    ['incomes, ministry analyst of the region', RULES.READ_MEANS, 'MINISTRY', 'ANALYST', 'region', 'ACCESS_POLICY'],
    [
      'applications, a ministry specialist',
      RULES.READ_APPLICATIONS,
      'MINISTRY',
      'SPECIALIST',
      'region',
      'ACCESS_POLICY',
    ],
    ['incomes, ministry auditor of the region', RULES.READ_MEANS, 'MINISTRY', 'AUDITOR', 'region', null],
    ['incomes, ministry auditor of region 50', RULES.READ_MEANS, 'MINISTRY', 'AUDITOR', 'otherRegion', 'TERRITORY'],
    [
      'the referral queue, an analyst of ЦСПН',
      RULES.READ_REFERRAL_QUEUE,
      'SOCIAL_PROTECTION',
      'ANALYST',
      'region',
      'ACCESS_POLICY',
    ],
  ] as const)('%s', (_what, rule, agency, role, t, expected) => {
    expect(decide(who(agency, role, t), rule, MATRIX_CASE_TERRITORY)).toBe(expected);
  });
});
