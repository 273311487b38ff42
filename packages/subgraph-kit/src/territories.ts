import type { EntityManager } from '@mikro-orm/core';
import { caseTerritoryFor, ValidationError, type IsoDate } from '@sc/kernel';
import type { Principal } from '@sc/auth';
import { SERVING_KINDS, TERRITORY_EDITION, TERRITORY_SEED, type TerritoryKind } from './territory-directory.data';

/** DDL and seed of the territory directory, the same in every service (platform data, not code). */
export function territoryDirectorySql(): string[] {
  const literal = (v: string | null | undefined) => (v == null ? 'null' : `'${v.replace(/'/g, "''")}'`);
  return [
    `create table territory (
       code char(8) primary key,
       name text not null,
       parent char(8) references territory (code),
       kind text not null check (kind in ('REGION', 'GROUP', 'MUNICIPAL_DISTRICT', 'MUNICIPAL_OKRUG', 'CITY_OKRUG')),
       valid_from date not null,
       valid_to date,
       edition text not null
     )`,
    ...TERRITORY_SEED.map(
      (t) =>
        `insert into territory (code, name, parent, kind, valid_from, valid_to, edition) values (${[
          t.code,
          t.name,
          t.parent,
          t.kind,
          t.validFrom,
          t.validTo,
          TERRITORY_EDITION,
        ]
          .map(literal)
          .join(', ')})`,
    ),
  ];
}

export interface TerritoryRow {
  code: string;
  name: string;
  parent: string | null;
  kind: TerritoryKind;
  validFrom: string;
  validTo: string | null;
}

/** The directory's entries in force on `onDate`, under a code prefix (the whole directory when omitted). */
export async function listTerritories(em: EntityManager, onDate: IsoDate, prefix = ''): Promise<TerritoryRow[]> {
  const rows = await em.getConnection().execute<Record<string, string | null>[]>(
    `select code, name, parent, kind, to_char(valid_from, 'YYYY-MM-DD') as valid_from,
            to_char(valid_to, 'YYYY-MM-DD') as valid_to
       from territory
      where code like ? and valid_from <= ? and (valid_to is null or valid_to >= ?)
      order by code`,
    [`${prefix}%`, onDate, onDate],
    'all',
    em.getTransactionContext(),
  );
  return rows.map((r: Record<string, string | null>) => ({
    code: r.code!,
    name: r.name!,
    parent: r.parent,
    kind: r.kind as TerritoryKind,
    validFrom: r.valid_from!,
    validTo: r.valid_to,
  }));
}

/**
 * The territory of a case a worker opens: named in the input or the worker's
 * own district (see `caseTerritoryFor`), and a district or okrug the
 * directory knows on `today` — else BAD_USER_INPUT naming the field.
 */
export async function openingTerritory(
  em: EntityManager,
  p: Principal,
  named: string | null | undefined,
  field: string,
  today: IsoDate,
): Promise<string> {
  const code = caseTerritoryFor(p.territory, named, field);
  const [row] = await listTerritories(em, today, code);
  if (!row || row.code !== code || !SERVING_KINDS.includes(row.kind))
    throw new ValidationError(
      field,
      'TERRITORY_UNKNOWN',
      `${code} is not a municipal district or okrug in the territory directory on ${today}`,
    );
  return code;
}

/**
 * DDL giving a case table its territory: existing rows take the territory of
 * the person's record (see Migration20261130000002Territories), rows without a
 * person the region's unassigned queue; indexed for the territory filter of lists.
 */
export function addTerritorySql(table: string, hasCitizen = true): string[] {
  return [
    `alter table ${table} add column territory char(8)`,
    ...(hasCitizen ? [`update ${table} t set territory = c.territory from citizen c where c.id = t.citizen_id`] : []),
    `update ${table} set territory = '25000000' where territory is null`,
    `alter table ${table} alter column territory set not null`,
    `create index ${table}_territory_idx on ${table} (territory)`,
  ];
}

/** One entry of the directory as an ADMIN defines it (and as `territory.defined.v1` carries it). */
export interface TerritoryDefinition extends TerritoryRow {
  edition: string;
}

/**
 * Writes an entry (insert or replace) in `em`'s transaction. Applying the same
 * definition twice changes nothing, so the consumer of `territory.defined.v1`
 * and the service that took the ADMIN's change can both apply it.
 */
export async function upsertTerritory(em: EntityManager, t: TerritoryDefinition): Promise<void> {
  await em.getConnection().execute(
    `insert into territory (code, name, parent, kind, valid_from, valid_to, edition)
     values (?, ?, ?, ?, ?, ?, ?)
     on conflict (code) do update set name = excluded.name, parent = excluded.parent, kind = excluded.kind,
       valid_from = excluded.valid_from, valid_to = excluded.valid_to, edition = excluded.edition`,
    [t.code, t.name, t.parent, t.kind, t.validFrom, t.validTo, t.edition],
    'run',
    em.getTransactionContext(),
  );
}
