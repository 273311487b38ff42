import { EntitySchema, type EntityManager } from '@mikro-orm/core';
import { forgetInTransaction, memoInTransaction } from './transaction-memo';
import {
  parseIsoDate,
  RegionalParameterSet,
  validateParameterValue,
  type IsoDate,
  type ParameterDefinition,
  type ParameterView,
} from '@sc/kernel';

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

/** Key prefix of the parameter rows read once per transaction (see memoInTransaction). */
const PARAMETERS_MEMO = 'parameters|';

/** The dated values of a region up to a day (rows are few: one query); a service's parameter set picks the ones in force. */
export function loadParameterRows(em: EntityManager, region: string, onDate: IsoDate): Promise<RegionalParameterRow[]> {
  return memoInTransaction(em, `${PARAMETERS_MEMO}${region}|${onDate}`, async () =>
    // Plain copies: they may be kept for the service and read by other transactions (see keepReferenceData).
    (await em.find(RegionalParameterRow, { region, validFrom: { $lte: onDate } })).map((r) => Object.freeze({ ...r })),
  );
}

/**
 * ADMIN's change of one parameter of a region from a date on (earlier values
 * stay in force before it): validated against the service's definitions,
 * written, and returned as it now reads on that date.
 */
export async function setRegionalParameterValue<C extends string>(
  em: EntityManager,
  defs: Record<C, ParameterDefinition>,
  a: { region: string; code: string; value: number; validFrom: IsoDate; changedBy: string; changedAt: Date },
): Promise<ParameterView<C>> {
  const code = validateParameterValue(defs, a.code, a.value);
  parseIsoDate(a.validFrom, 'input.validFrom');
  forgetInTransaction(em, PARAMETERS_MEMO);
  await em.upsert(RegionalParameterRow, {
    region: a.region,
    code,
    validFrom: a.validFrom,
    value: a.value,
    changedBy: a.changedBy,
    changedAt: a.changedAt,
  });
  return new RegionalParameterSet(defs, a.region, a.validFrom, await loadParameterRows(em, a.region, a.validFrom))
    .view()
    .find((v) => v.code === code)!;
}
