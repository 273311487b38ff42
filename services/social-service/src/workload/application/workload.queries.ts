import type { EntityManager } from '@mikro-orm/core';
import { caseWorkload } from '@sc/subgraph-kit';
import { loadSocialServiceParameters } from '../../parameters/application/social-service-parameters';

/** Open cases per responsible specialist, in a territory (the prefix bound 3 time(s)). */
const OPEN_CASES = `select who, count(*) as n from (
        select assigned_to as who from urgent_service_case where territory like ? and status not in ('CLOSED', 'REFUSED')
        union all select assigned_to from accompaniment_case where territory like ? and status not in ('CLOSED', 'NOT_RECOGNISED')
        union all select assigned_to from prevention_case where territory like ? and status not in ('CLOSED_NO_GROUNDS', 'DEREGISTERED')) c group by who`;

/** Нагрузка of КЦСОН's specialists for a HEAD: open cases × the monthly norm, against 176 h. */
export const officeWorkload = (month: string | null | undefined, region: string) =>
  caseWorkload({
    month,
    openCasesSql: OPEN_CASES,
    params: (em: EntityManager, on) => loadSocialServiceParameters(em, region, on),
  });
