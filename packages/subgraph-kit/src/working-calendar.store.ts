import { EntitySchema, type EntityManager } from '@mikro-orm/core';
import { RU_PRODUCTION_CALENDAR, WorkingCalendar, type CalendarDayKind } from '@sc/kernel';
import { forgetInTransaction, memoInTransaction } from './transaction-memo';

/** A day that differs from the Monday–Friday rule; each service keeps its copy of the production calendar. */
export class CalendarDayRow {
  date!: string;
  kind!: CalendarDayKind;
  note?: string | null;
}

export const CalendarDaySchema = new EntitySchema<CalendarDayRow>({
  class: CalendarDayRow,
  tableName: 'calendar_day',
  properties: {
    date: { type: 'date', primary: true, columnType: 'date' },
    kind: { type: 'string', columnType: 'text' },
    note: { type: 'string', columnType: 'text', nullable: true },
  },
});

const quote = (s: string | null | undefined) => (s === null || s === undefined ? 'null' : `'${s.replace(/'/g, "''")}'`);

/** DDL and the shipped federal calendar, applied by each service's own migration (versioned). */
export const CALENDAR_DAY_TABLE_V1: readonly string[] = [
  `create table calendar_day (date date primary key, kind text not null check (kind in ('HOLIDAY', 'WORKING')), note text)`,
  ...RU_PRODUCTION_CALENDAR.map(
    (d) => `insert into calendar_day (date, kind, note) values ('${d.date}', '${d.kind}', ${quote(d.note)})`,
  ),
];

/** The working calendar as this transaction sees it (read once per transaction: see memoInTransaction). */
export function loadWorkingCalendar(em: EntityManager): Promise<WorkingCalendar> {
  return memoInTransaction(em, CALENDAR_MEMO, async () => {
    const days = await em.find(CalendarDayRow, {});
    return new WorkingCalendar(days.map((d) => ({ date: d.date, kind: d.kind })));
  });
}

/** Call after changing calendar days in a transaction. */
export const forgetWorkingCalendar = (em: EntityManager): void => forgetInTransaction(em, CALENDAR_MEMO);
const CALENDAR_MEMO = 'calendar';
