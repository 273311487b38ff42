import { decide, type AccessRule } from '@sc/auth';
import { MATRIX_CASE_TERRITORY, matrixMismatches, matrixPrincipal as who } from '@sc/testing';
import * as RULES from './access';

describe('КЦСОН access policy: agency × role × territory × operation', () => {
  it.each(Object.entries(RULES) as [string, AccessRule][])(
    '%s: agency and role decide first, then the territory of the case',
    (_name, rule) => expect(matrixMismatches(rule)).toEqual([]),
  );

  // The findings of the security review (issue 10), one row each.
  it.each([
    [
      'prevention facts, another district',
      RULES.READ_SENSITIVE,
      'SOCIAL_SERVICE',
      'SPECIALIST',
      'otherDistrict',
      'TERRITORY',
    ],
    [
      'prevention facts, another region',
      RULES.READ_SENSITIVE,
      'SOCIAL_SERVICE',
      'SPECIALIST',
      'otherRegion',
      'TERRITORY',
    ],
    [
      'a prevention check, another district',
      RULES.CASE_WORK,
      'SOCIAL_SERVICE',
      'SPECIALIST',
      'otherDistrict',
      'TERRITORY',
    ],
    ['a prevention check, own district', RULES.CASE_WORK, 'SOCIAL_SERVICE', 'SPECIALIST', 'sameDistrict', null],
    ['prevention facts, region head', RULES.READ_SENSITIVE, 'SOCIAL_SERVICE', 'HEAD', 'region', null],
    [
      'prevention facts, ЦСПН of the district',
      RULES.READ_SENSITIVE,
      'SOCIAL_PROTECTION',
      'SPECIALIST',
      'sameDistrict',
      'ACCESS_POLICY',
    ],
    ['urgent services, ministry analyst', RULES.READ_SERVICES, 'MINISTRY', 'ANALYST', 'region', 'ACCESS_POLICY'],
    // need recognition is the authorised body's (ЦСПН), never the provider's specialist (seed 001)
    [
      'need recognition, ЦСПН of the district',
      RULES.NEED_RECOGNITION,
      'SOCIAL_PROTECTION',
      'SPECIALIST',
      'sameDistrict',
      null,
    ],
    [
      'need recognition, the provider',
      RULES.NEED_RECOGNITION,
      'SOCIAL_SERVICE',
      'SPECIALIST',
      'sameDistrict',
      'ACCESS_POLICY',
    ],
    [
      'need recognition, ЦСПН elsewhere',
      RULES.NEED_RECOGNITION,
      'SOCIAL_PROTECTION',
      'HEAD',
      'otherDistrict',
      'TERRITORY',
    ],
  ] as const)('%s', (_what, rule, agency, role, t, expected) => {
    expect(decide(who(agency, role, t), rule, MATRIX_CASE_TERRITORY)).toBe(expected);
  });

  it('a token whose territory is not an ОКТМО code covers nothing, not even lists', () => {
    const p = { subject: 'u', agency: 'SOCIAL_SERVICE' as const, roles: ['SPECIALIST' as const], territory: '*' };
    expect(decide(p, RULES.CASE_WORK)).toBe('TERRITORY');
  });
});
