import type { EntityManager } from '@mikro-orm/core';
import { monthOf, parseIsoMonth } from '@sc/kernel';
import { inRegionMonth, listStaff, type Read } from '@sc/subgraph-kit';
import { RUNNING_STATUSES } from '../../contracts/domain/contract-status';
import { loadParameters } from '../../parameters/application/parameter.queries';
import { officeLoad, specialistLoad, type Caseload } from '../domain/workload';

async function countsBy(em: EntityManager, sql: string, params: unknown[]): Promise<Map<string, number[]>> {
  const rows = await em.getConnection().execute<Record<string, string | number | null>[]>(sql, params);
  return new Map(rows.map((r: Record<string, string | number | null>) => [String(r.who), [Number(r.a), Number(r.b)]]));
}

/**
 * Нагрузка (issue 12) for a HEAD: every specialist of the office's territory
 * with open contracts vs 52, hours spent in `month` (actual where recorded,
 * else normed) and the hours the open cases will need per month vs 176 h;
 * the office summed, with the specialists it needs and the least loaded one.
 */
export const officeWorkload =
  (month: string | null | undefined): Read<ReturnType<typeof workloadView>> =>
  async ({ em, inTerritory, territoryPrefix, today, deps }) => {
    const m = parseIsoMonth(month ?? monthOf(today), 'month');
    const inMonth = inRegionMonth('at', m, deps.config.timeZone);
    const like = inTerritory.territory.$like;
    const [staff, contracts, apps, minutes, params] = await Promise.all([
      listStaff(em, territoryPrefix),
      countsBy(
        em,
        `select assigned_to as who, count(*) filter (where status = any(string_to_array(?, ','))) as a,
                count(*) filter (where status = 'POST_MONITORING') as b
           from social_contract where territory like ? group by assigned_to`,
        [RUNNING_STATUSES.join(','), like],
      ),
      countsBy(
        em,
        `select assigned_to as who, count(*) as a, 0 as b from sc_application
          where territory like ? and status not in ('CONTRACTED', 'REJECTED', 'WITHDRAWN') group by assigned_to`,
        [like],
      ),
      countsBy(
        em,
        `select subject as who, sum(coalesce(actual_minutes, normed_minutes)) as a, 0 as b from work_log
          where territory like ? and ${inMonth.sql} group by subject`,
        [like, ...inMonth.params],
      ),
      loadParameters(em, deps.config.region, today),
    ]);
    const loads = staff
      .filter((s) => s.roles.includes('SPECIALIST'))
      .map((s): Caseload => ({
        subject: s.subject,
        territory: s.territory,
        runningContracts: contracts.get(s.subject)?.[0] ?? 0,
        postMonitoringContracts: contracts.get(s.subject)?.[1] ?? 0,
        openApplications: apps.get(s.subject)?.[0] ?? 0,
        minutesThisMonth: minutes.get(s.subject)?.[0] ?? 0,
      }))
      .map((c) => specialistLoad(c, params));
    return workloadView(m, loads, officeLoad(loads, params));
  };

const workloadView = (
  month: string,
  specialists: ReturnType<typeof specialistLoad>[],
  office: ReturnType<typeof officeLoad>,
) => ({ month, specialists, office });
