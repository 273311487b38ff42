import { decide, type AccessRule } from '@sc/auth';
import { MATRIX_CASE_TERRITORY, matrixMismatches, matrixPrincipal as who } from '@sc/testing';
import * as RULES from './access';

describe('ЦЗН access policy: agency × role × territory × operation', () => {
  it.each(Object.entries(RULES) as [string, AccessRule][])(
    '%s: agency and role decide first, then the territory of the case',
    (_name, rule) => expect(matrixMismatches(rule)).toEqual([]),
  );

  it.each([
    ['profiling, another district', RULES.READ_PROFILING, 'EMPLOYMENT', 'SPECIALIST', 'otherDistrict', 'TERRITORY'],
    ['profiling, region head', RULES.READ_PROFILING, 'EMPLOYMENT', 'HEAD', 'regionShort', null],
    [
      'a plan step, okrugs group token on a district case',
      RULES.CASE_WORK,
      'EMPLOYMENT',
      'SPECIALIST',
      'okrugsGroup',
      'TERRITORY',
    ],
    ['the case, ЦСПН of the district', RULES.READ_CASE, 'SOCIAL_PROTECTION', 'SPECIALIST', 'sameDistrict', null],
    [
      'the case, КЦСОН of the district',
      RULES.READ_CASE,
      'SOCIAL_SERVICE',
      'SPECIALIST',
      'sameDistrict',
      'ACCESS_POLICY',
    ],
  ] as const)('%s', (_what, rule, agency, role, t, expected) => {
    expect(decide(who(agency, role, t), rule, MATRIX_CASE_TERRITORY)).toBe(expected);
  });
});
