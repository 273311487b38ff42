import { ValidationError } from '@sc/kernel';

/** Программы сопровождения (seed 002) and «Социальный лифт» (seed 001). */
export type AccompanimentProgramme = 'FAMILY_NAVIGATOR' | 'FULCRUM' | 'FAMILY_HELPER' | 'SOCIAL_LIFT' | 'NONE';

/** Категории малоимущих семей с детьми, которых называет seed 002 для «Семейного помощника». */
export type FamilyCategory = 'YOUNG' | 'SINGLE_PARENT' | 'LARGE';

/** Состав семьи, as the specialist records it when the case opens: what the target groups are checked on. */
export interface FamilyProfile {
  /** несовершеннолетних детей в семье */
  childrenCount: number;
  /** малоимущая (среднедушевой доход ниже ПМ: a social contract or ЦСПН's decision proves it) */
  lowIncome: boolean;
  categories: FamilyCategory[];
}

/** What the target-group check needs to know about the case being opened. */
export interface TargetGroupFacts {
  family: FamilyProfile | null;
  grounds: readonly string[];
  /** the social contract the case belongs to (M5), if any */
  contractId: string | null;
  /** an open FAMILY prevention case of this citizen registered in СОП (120-ФЗ) */
  registeredInSop: boolean;
}

export interface ProgrammeDefinition {
  /** наименование */
  title: string;
  /** целевая группа, as seed 002 (seed 001 for «Социальный лифт») states it */
  targetGroup: string;
  /** цель программы (seed 002), the first goal of every case of the programme */
  goal: string | null;
  /** null when the facts fit; otherwise the rule broken and why */
  check(f: TargetGroupFacts): { rule: string; message: string } | null;
}

const withChildren = (f: TargetGroupFacts) => (f.family?.childrenCount ?? 0) > 0;

/**
 * The programmes as data: title, target group, goal and the check of the
 * target group (seed 002: «Семейный навигатор», «Точка опоры», «Семейный
 * помощник»; seed 001: «Социальный лифт»).
 */
export const ACCOMPANIMENT_PROGRAMMES: Record<AccompanimentProgramme, ProgrammeDefinition> = {
  FAMILY_NAVIGATOR: {
    title: '«Семейный навигатор»',
    targetGroup: 'малоимущие семьи с детьми, получающие материальную поддержку на основе социального контракта',
    goal:
      'Повышение уровня и качества жизни малоимущих семей с детьми посредством развития и укрепления системы ' +
      'личностных и социальных ресурсов, обеспечивающих нормализацию функционирования семьи',
    check: (f) =>
      !withChildren(f)
        ? { rule: 'FAMILY_WITH_CHILDREN', message: '«Семейный навигатор» is for families with children' }
        : !f.contractId && !f.grounds.includes('SOCIAL_CONTRACT_HOLDER')
          ? { rule: 'SOCIAL_CONTRACT_HOLDER', message: '«Семейный навигатор» is for families on a social contract' }
          : null,
  },
  FULCRUM: {
    title: '«Точка опоры»',
    targetGroup: 'семьи, находящиеся в социально опасном положении',
    goal:
      'Повышение уровня социальной адаптации семей, находящихся в социально опасном положении, посредством ' +
      'развития когнитивных и социальных навыков родителей в таких семьях',
    check: (f) =>
      !f.registeredInSop
        ? {
            rule: 'FAMILY_IN_SOP',
            message: '«Точка опоры» is for a family registered as being in a socially dangerous situation (СОП)',
          }
        : null,
  },
  FAMILY_HELPER: {
    title: '«Семейный помощник»',
    targetGroup: 'малоимущие семьи с детьми, в том числе молодые, монородительские, многодетные',
    goal:
      'Отработка практических навыков ведения домашнего хозяйства для создания безопасных бытовых условий ' +
      'проживания семьи, обеспечение полноценного ухода и развития детей в соответствии с возрастными потребностями',
    check: (f) =>
      !withChildren(f)
        ? { rule: 'FAMILY_WITH_CHILDREN', message: '«Семейный помощник» is for families with children' }
        : !f.family?.lowIncome
          ? { rule: 'LOW_INCOME_FAMILY', message: '«Семейный помощник» is for low-income families' }
          : null,
  },
  SOCIAL_LIFT: {
    title: '«Социальный лифт»',
    targetGroup: 'граждане, освобождающиеся из мест лишения свободы',
    goal: 'Ресоциализация гражданина, освобождающегося из мест лишения свободы: от работы в исправительном учреждении до социализации',
    check: (f) =>
      !f.grounds.includes('LEAVING_PRISON')
        ? { rule: 'SOCIAL_LIFT_GROUND', message: '«Социальный лифт» is for people leaving places of imprisonment' }
        : null,
  },
  NONE: {
    title: 'без программы',
    targetGroup: 'любой гражданин, признанный нуждающимся в сопровождении',
    goal: null,
    check: () => null,
  },
};

/** The programme's target group checked when a case opens (BAD_USER_INPUT on `input.programme` naming the rule). */
export function checkTargetGroup(programme: AccompanimentProgramme, facts: TargetGroupFacts): void {
  const family = facts.family;
  if (family) {
    if (!Number.isInteger(family.childrenCount) || family.childrenCount < 0 || family.childrenCount > 30)
      throw new ValidationError('input.family.childrenCount', 'COUNT_RANGE', 'a whole number from 0 to 30');
    if (family.categories.includes('LARGE') && family.childrenCount < 3)
      throw new ValidationError('input.family.categories', 'LARGE_FAMILY', 'a large family has three or more children');
  }
  const broken = ACCOMPANIMENT_PROGRAMMES[programme].check(facts);
  if (broken)
    throw new ValidationError('input.programme', broken.rule, broken.message, {
      targetGroup: ACCOMPANIMENT_PROGRAMMES[programme].targetGroup,
    });
}
