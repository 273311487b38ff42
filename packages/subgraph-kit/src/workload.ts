import type { EntityManager } from '@mikro-orm/core';
import { inRegionMonth } from './region-month';
import { monthOf, parseIsoMonth, type IsoDate } from '@sc/kernel';
import type { Read } from './read';
import { listStaff } from './staff-register';
import type { WorkNorms } from './work-log';

interface ParameterSet {
  get(code: string): number;
}

/** A service's хронометраж from its parameters: the operation → the norms (parameter codes) it spends. */
export function normsFromParameters(
  table: Readonly<Record<string, readonly string[]>>,
  load: (tx: EntityManager, on: IsoDate) => Promise<ParameterSet>,
): WorkNorms {
  return {
    async minutes(tx, operation, on) {
      const codes = table[operation];
      if (!codes?.length) return 0;
      const p = await load(tx, on);
      return codes.reduce((sum, code) => sum + p.get(code), 0);
    },
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Нагрузка where the seeds give no per-action norms (ЦЗН, КЦСОН): each open
 * case is expected to take `CASE_MONTHLY_MINUTES` a month ([U] parameter),
 * against `WORK_HOURS_PER_MONTH`; hours spent are the хронометраж of the month.
 */
export const caseWorkload =
  (a: {
    month: string | null | undefined;
    /** `select assigned_to as who, count(*) as n from … where territory like ? group by assigned_to` (every ? is the territory prefix) */
    openCasesSql: string;
    params: (em: EntityManager, on: IsoDate) => Promise<ParameterSet>;
  }): Read<ReturnType<typeof caseWorkloadView>> =>
  async ({ em, inTerritory, territoryPrefix, today, deps }) => {
    const month = parseIsoMonth(a.month ?? monthOf(today), 'month');
    const inMonth = inRegionMonth('at', month, deps.config.timeZone);
    const like = inTerritory.territory.$like;
    const conn = em.getConnection();
    const [staff, open, spent, p] = await Promise.all([
      listStaff(em, territoryPrefix),
      conn.execute<{ who: string; n: string }[]>(
        a.openCasesSql,
        a.openCasesSql
          .split('?')
          .slice(1)
          .map(() => like),
      ),
      conn.execute<{ who: string; n: string }[]>(
        `select subject as who, sum(coalesce(actual_minutes, normed_minutes)) as n from work_log
          where territory like ? and ${inMonth.sql} group by subject`,
        [like, ...inMonth.params],
      ),
      a.params(em, today),
    ]);
    const byWho = (rows: { who: string; n: string }[]) => new Map(rows.map((r) => [r.who, Number(r.n)]));
    const [openBy, spentBy] = [byWho(open), byWho(spent)];
    const perCase = p.get('CASE_MONTHLY_MINUTES') / 60;
    const hoursAvailable = p.get('WORK_HOURS_PER_MONTH');
    const specialists = staff
      .filter((s) => s.roles.includes('SPECIALIST'))
      .map((s): StaffLoadRow => {
        const openCases = openBy.get(s.subject) ?? 0;
        const projected = openCases * perCase;
        return {
          subject: s.subject,
          territory: s.territory,
          openCases,
          hoursThisMonth: round1((spentBy.get(s.subject) ?? 0) / 60),
          projectedHoursPerMonth: round1(projected),
          hoursAvailable,
          overloaded: projected > hoursAvailable,
        };
      });
    return caseWorkloadView(month, specialists, hoursAvailable);
  };

interface StaffLoadRow {
  subject: string;
  territory: string;
  openCases: number;
  hoursThisMonth: number;
  projectedHoursPerMonth: number;
  hoursAvailable: number;
  overloaded: boolean;
}

function caseWorkloadView(month: string, specialists: StaffLoadRow[], hoursAvailable: number) {
  const sum = (f: (s: StaffLoadRow) => number) => specialists.reduce((t, s) => t + f(s), 0);
  const projected = sum((s) => s.projectedHoursPerMonth);
  return {
    month,
    specialists,
    office: {
      specialists: specialists.length,
      openCases: sum((s) => s.openCases),
      hoursThisMonth: round1(sum((s) => s.hoursThisMonth)),
      projectedHoursPerMonth: round1(projected),
      specialistsNeeded: Math.ceil(projected / hoursAvailable),
      leastLoaded:
        [...specialists].sort((x, y) => x.projectedHoursPerMonth - y.projectedHoursPerMonth)[0]?.subject ?? null,
    },
  };
}
