import type { EntityManager } from '@mikro-orm/core';
import { caseWorkload } from '@sc/subgraph-kit';
import { loadEmploymentParameters } from '../../parameters/application/employment-parameters';

/** Open cases per responsible specialist, in a territory (the prefix bound 1 time(s)). */
const OPEN_CASES = `select assigned_to as who, count(*) as n from job_seeker_registration where territory like ? and status in ('JOB_SEEKER', 'UNEMPLOYED') group by assigned_to`;

/** Нагрузка of ЦЗН's specialists for a HEAD: open cases × the monthly norm, against 176 h. */
export const officeWorkload = (month: string | null | undefined, region: string) =>
  caseWorkload({
    month,
    openCasesSql: OPEN_CASES,
    params: (em: EntityManager, on) => loadEmploymentParameters(em, region, on),
  });
