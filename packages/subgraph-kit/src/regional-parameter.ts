import { EntitySchema, type EntityManager } from '@mikro-orm/core';
import type { IsoDate } from '@sc/kernel';

/** One dated value of a regional parameter; each service keeps its own in its database. */
export class RegionalParameterRow {
  region!: string;
  code!: string;
  validFrom!: string;
  value!: number;
  changedBy!: string;
  changedAt!: Date;
}

export const RegionalParameterSchema = new EntitySchema<RegionalParameterRow>({
  class: RegionalParameterRow,
  tableName: 'regional_parameter',
  properties: {
    region: { type: 'string', primary: true, columnType: 'text' },
    code: { type: 'string', primary: true, columnType: 'text' },
    validFrom: { type: 'date', primary: true, columnType: 'date' },
    value: { type: 'integer' },
    changedBy: { type: 'string', columnType: 'text' },
    changedAt: { type: 'Date', columnType: 'timestamptz' },
  },
});

/** DDL of the table, applied by each service's own migration (versioned; never edited once released). */
export const REGIONAL_PARAMETER_TABLE_V1 = `create table regional_parameter (
  region text not null,
  code text not null,
  valid_from date not null,
  value int not null,
  changed_by text not null,
  changed_at timestamptz not null default now(),
  primary key (region, code, valid_from)
)`;

/** The dated values of a region up to a day (rows are few: one query); a service's parameter set picks the ones in force. */
export function loadParameterRows(em: EntityManager, region: string, onDate: IsoDate): Promise<RegionalParameterRow[]> {
  return em.find(RegionalParameterRow, { region, validFrom: { $lte: onDate } });
}

/** Sets a value from a date on (earlier values stay in force before it). */
export async function upsertRegionalParameter(em: EntityManager, row: Omit<RegionalParameterRow, never>): Promise<void> {
  await em.upsert(RegionalParameterRow, row);
}
