import { parseIsoDate, type CalendarDayKind, type IsoDate } from '@sc/kernel';
import { ADMINISTER_PARAMETERS } from '../../access';
import { inChange, setRegionalParameterValue, type CaseContext } from '@sc/subgraph-kit';
import { PARAMETER_DEFINITIONS, regionOfTerritory, type ParameterView } from '../domain/regional-parameters';
import {
  SubsistenceMinimumRecord,
  validateSubsistenceMinimum,
  type TerritorialZone,
} from '../domain/subsistence-minimum';
import { CalendarDayRow, forgetWorkingCalendar } from '@sc/subgraph-kit';

/** ADMIN: sets a parameter of the caller's region from a date on (history kept: earlier values stay in force before it). */
export function setRegionalParameter(
  ctx: CaseContext,
  i: { code: string; value: number; validFrom: IsoDate },
): Promise<ParameterView> {
  return inChange(ctx, 'setRegionalParameter', ADMINISTER_PARAMETERS, (tx, c) =>
    setRegionalParameterValue(tx, PARAMETER_DEFINITIONS, {
      ...i,
      region: regionOfTerritory(c.p.territory),
      changedBy: c.by,
      changedAt: c.now,
    }),
  );
}

export function setSubsistenceMinimum(
  ctx: CaseContext,
  i: {
    year: number;
    zone: TerritorialZone;
    perCapitaKopecks: number;
    workingAgeKopecks: number;
    pensionerKopecks?: number | null;
    childKopecks?: number | null;
  },
) {
  return inChange(ctx, 'setSubsistenceMinimum', ADMINISTER_PARAMETERS, async (tx, c) => {
    const m = validateSubsistenceMinimum({
      region: regionOfTerritory(c.p.territory),
      year: i.year,
      zone: i.zone,
      perCapita: i.perCapitaKopecks,
      workingAge: i.workingAgeKopecks,
      pensioner: i.pensionerKopecks ?? null,
      child: i.childKopecks ?? null,
    });
    await tx.upsert(SubsistenceMinimumRecord, { ...m, changedBy: c.by, changedAt: c.now });
    return m;
  });
}

export function setCalendarDay(
  ctx: CaseContext,
  i: { date: IsoDate; kind?: CalendarDayKind | null; note?: string | null },
) {
  return inChange(ctx, 'setCalendarDay', ADMINISTER_PARAMETERS, async (tx) => {
    parseIsoDate(i.date, 'input.date');
    const existing = await tx.findOne(CalendarDayRow, { date: i.date });
    if (!i.kind) {
      if (existing) tx.remove(existing);
    } else if (existing) {
      existing.kind = i.kind;
      existing.note = i.note ?? null;
    } else {
      tx.persist(Object.assign(new CalendarDayRow(), { date: i.date, kind: i.kind, note: i.note ?? null }));
    }
    await tx.flush();
    forgetWorkingCalendar(tx);
    const year = i.date.slice(0, 4);
    return tx.find(
      CalendarDayRow,
      { date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } },
      { orderBy: { date: 'asc' } },
    );
  });
}
