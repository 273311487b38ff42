import {
  ageOn,
  isValidSnils,
  normalizeSnils,
  parseIsoDate,
  parseIsoMonth,
  uuidv7,
  ValidationError,
  type IsoDate,
  type IsoMonth,
} from '@sc/kernel';

/** Степень родства with the applicant; who counts in the household (DOMAIN.md §2.1). */
export const HOUSEHOLD_RELATIONS = ['APPLICANT', 'SPOUSE', 'CHILD', 'STUDENT_UNDER_23', 'OTHER'] as const;
export type HouseholdRelation = (typeof HOUSEHOLD_RELATIONS)[number];

/** Вид дохода. UNIFIED_CHILD_ALLOWANCE (единое пособие) is excluded from income from 2025. */
export const INCOME_KINDS = [
  'WAGES',
  'BUSINESS',
  'PENSION',
  'UNEMPLOYMENT_BENEFIT',
  'UNIFIED_CHILD_ALLOWANCE',
  'OTHER_BENEFIT',
  'ALIMONY',
  'SCHOLARSHIP',
  'OTHER',
] as const;
export type IncomeKind = (typeof INCOME_KINDS)[number];

export interface IncomeEntry {
  month: IsoMonth;
  kind: IncomeKind;
  amountKopecks: number;
}

export interface HouseholdMember {
  id: string;
  relation: HouseholdRelation;
  fullName: string;
  birthDate: IsoDate;
  snils?: string | null;
  incomes: IncomeEntry[];
}

export type HouseholdMemberInput = Omit<HouseholdMember, 'id'>;

const MAX_MONTHLY_INCOME_KOPECKS = 100_000_000; // 1 000 000 ₽ a month: a typo guard, not a legal limit

/**
 * Validates the household as typed by a case worker against the income
 * period; every error names its input path. Members get ids so reports and
 * later checks can point at them.
 */
export function validateHousehold(
  members: readonly HouseholdMemberInput[],
  period: readonly IsoMonth[],
  applicationDate: IsoDate,
  path = 'input.household',
): HouseholdMember[] {
  if (members.length === 0)
    throw new ValidationError(
      path,
      'HOUSEHOLD_NOT_EMPTY',
      'the household must have at least one member (the applicant)',
    );
  const applicants = members.filter((m) => m.relation === 'APPLICANT').length;
  if (applicants !== 1)
    throw new ValidationError(
      path,
      'ONE_APPLICANT',
      `the household must have exactly one APPLICANT, got ${applicants}`,
    );
  return members.map((m, i) => validateMember(m, `${path}[${i}]`, period, applicationDate));
}

/** One member: name, birth date against the application date, the age rules of the relation, СНИЛС, incomes. */
function validateMember(
  m: HouseholdMemberInput,
  at: string,
  period: readonly IsoMonth[],
  applicationDate: IsoDate,
): HouseholdMember {
  if (!m.fullName.trim()) throw new ValidationError(`${at}.fullName`, 'REQUIRED', 'must not be empty');
  parseIsoDate(m.birthDate, `${at}.birthDate`);
  if (m.birthDate > applicationDate)
    throw new ValidationError(`${at}.birthDate`, 'NOT_IN_FUTURE', 'birth date cannot be after the application date');
  const age = ageOn(m.birthDate, applicationDate);
  if (m.relation === 'CHILD' && age >= 18)
    throw new ValidationError(
      `${at}.relation`,
      'CHILD_UNDER_18',
      'a CHILD member must be under 18; a student under 23 is STUDENT_UNDER_23',
    );
  if (m.relation === 'STUDENT_UNDER_23' && age >= 23)
    throw new ValidationError(
      `${at}.relation`,
      'STUDENT_UNDER_23',
      'a full-time student counts in the household only under 23',
    );
  if (m.snils && !isValidSnils(m.snils))
    throw new ValidationError(`${at}.snils`, 'SNILS_CHECKSUM', 'СНИЛС check number does not match');
  return {
    id: uuidv7(),
    relation: m.relation,
    fullName: m.fullName.trim(),
    birthDate: m.birthDate,
    snils: m.snils ? normalizeSnils(m.snils) : null,
    incomes: validateIncomes(m.incomes, at, period),
  };
}

/** A member's incomes: months inside the income period, whole kopecks in range, one line per month and kind. */
function validateIncomes(incomes: HouseholdMemberInput['incomes'], at: string, period: readonly IsoMonth[]) {
  const seen = new Set<string>();
  return incomes.map((inc, j) => {
    const ip = `${at}.incomes[${j}]`;
    parseIsoMonth(inc.month, `${ip}.month`);
    if (!period.includes(inc.month))
      throw new ValidationError(
        `${ip}.month`,
        'INCOME_IN_PERIOD',
        `income must fall in the income period ${period[0]}…${period[period.length - 1]}`,
      );
    if (!Number.isInteger(inc.amountKopecks) || inc.amountKopecks < 0 || inc.amountKopecks > MAX_MONTHLY_INCOME_KOPECKS)
      throw new ValidationError(
        `${ip}.amountKopecks`,
        'AMOUNT_RANGE',
        'must be a whole number of kopecks from 0 to 100 000 000',
      );
    const k = `${inc.month}|${inc.kind}`;
    if (seen.has(k))
      throw new ValidationError(
        `${ip}`,
        'UNIQUE_INCOME',
        `${inc.kind} for ${inc.month} is listed twice; add the amounts`,
      );
    seen.add(k);
    return { month: inc.month, kind: inc.kind, amountKopecks: inc.amountKopecks };
  });
}

/** Перечень документов: what was checked at intake. */
export interface DocumentCheck {
  kind: string;
  provided: boolean;
  note?: string | null;
}
