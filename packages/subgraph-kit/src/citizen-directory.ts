import { EntitySchema, type EntityManager, type Opt } from '@mikro-orm/core';
import {
  ConflictError,
  deriveCitizenId,
  isDerivedCitizenId,
  isUuid,
  newProvisionalCitizenId,
  NotFoundError,
  ValidationError,
} from '@sc/kernel';
import { execInTx, knownAbsent } from '@sc/messaging';

/** The agency's own record of a person (personal data stays in the agency's database). */
export class CitizenRecord {
  id!: string;
  snils?: string | null;
  lastName!: string;
  firstName!: string;
  middleName?: string | null;
  birthDate!: string;
  phone?: string | null;
  address?: string | null;
  /** ОКТМО of this agency's office that serves the person: the one that opened their latest case. */
  territory!: string;
  createdAt: Opt<Date> = new Date();
  updatedAt: Opt<Date> = new Date();
}

export const CitizenRecordSchema = new EntitySchema<CitizenRecord>({
  class: CitizenRecord,
  tableName: 'citizen',
  properties: {
    id: { type: 'uuid', primary: true },
    snils: { type: 'string', length: 11, nullable: true, columnType: 'char(11)' },
    lastName: { type: 'text' },
    firstName: { type: 'text' },
    middleName: { type: 'text', nullable: true },
    birthDate: { type: 'date', columnType: 'date' },
    phone: { type: 'text', nullable: true },
    address: { type: 'text', nullable: true },
    territory: { type: 'string', length: 8, columnType: 'char(8)' },
    createdAt: { type: 'Date', columnType: 'timestamptz', onCreate: () => new Date() },
    updatedAt: { type: 'Date', columnType: 'timestamptz', onUpdate: () => new Date() },
  },
});

/**
 * A foreign key kept as a plain id in the domain object but declared as a
 * relation, so MikroORM's unit of work inserts the referenced row first and a
 * use case needs one flush, not one per table.
 */
export const refTo = (
  entity: () => EntitySchema<any, any> | (new () => any),
  opts: { nullable?: boolean; fieldName: string },
) =>
  ({
    kind: 'm:1',
    entity,
    mapToPk: true,
    fieldName: opts.fieldName,
    nullable: opts.nullable ?? false,
    type: 'uuid',
  }) as const;

/**
 * Where a person is served at this agency. A case worker's new case names
 * its territory; a message may not say it, and then the record keeps the
 * territory it has, else `otherwise` (the region's unassigned queue).
 */
export type ServedAt = { territory: string } | { said: string | undefined; otherwise: string };

const territoryOf = (at: ServedAt, known: string | undefined): string =>
  'territory' in at ? at.territory : (at.said ?? known ?? at.otherwise);

export interface PersonInput {
  snils?: string | null; // already normalised and checksum-validated
  lastName: string;
  firstName: string;
  middleName?: string | null;
  birthDate: string;
  phone?: string | null;
  address?: string | null;
}

/**
 * Finds and registers people by federation key (see @sc/kernel citizen-id).
 * Shared by the three services so they agree on identity to the letter.
 */
export class CitizenDirectory {
  constructor(private readonly secret: string) {}

  keyFor(snils: string): string {
    return deriveCitizenId(snils, this.secret);
  }

  /** By current key or by an alias left by a re-key. */
  async find(em: EntityManager, id: string): Promise<CitizenRecord | null> {
    if (!isUuid(id)) return null;
    const direct = await em.findOne(CitizenRecord, { id });
    if (direct || isDerivedCitizenId(id)) return direct; // only provisional keys ever become aliases
    const target = await this.aliasTarget(em, id);
    return target ? em.findOne(CitizenRecord, { id: target }) : null;
  }

  /** Batched lookup for DataLoader: one query for keys, one for the aliases among the rest. */
  async findMany(em: EntityManager, ids: readonly string[]): Promise<(CitizenRecord | null)[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return ids.map(() => null);
    const rows = await em.find(CitizenRecord, { id: { $in: valid } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const missing = valid.filter((i) => !byId.has(i) && !isDerivedCitizenId(i));
    if (missing.length) {
      const aliases = await em
        .getConnection()
        .execute<{ alias: string; citizen_id: string }[]>(
          'select alias, citizen_id from citizen_alias where alias in (?)',
          [missing],
          'all',
          em.getTransactionContext(),
        );
      const targets = await em.find(CitizenRecord, {
        id: { $in: aliases.map((a: { citizen_id: string }) => a.citizen_id) },
      });
      const t = new Map(targets.map((r) => [r.id, r]));
      for (const a of aliases) {
        const r = t.get(a.citizen_id);
        if (r) byId.set(a.alias, r);
      }
    }
    return ids.map((i) => byId.get(i) ?? null);
  }

  private async aliasTarget(em: EntityManager, id: string): Promise<string | null> {
    if (isDerivedCitizenId(id)) return null;
    const rows = await em
      .getConnection()
      .execute<{ citizen_id: string }[]>(
        'select citizen_id from citizen_alias where alias = ?',
        [id],
        'all',
        em.getTransactionContext(),
      );
    return rows[0]?.citizen_id ?? null;
  }

  async get(em: EntityManager, id: string, field = 'citizenId'): Promise<CitizenRecord> {
    const c = await this.find(em, id);
    if (!c) throw new NotFoundError('Citizen', id, field);
    return c;
  }

  /**
   * Registers a person or returns the existing record. With СНИЛС the key is
   * derived; with `knownId` (the key that came in a message) it is reused;
   * otherwise a provisional key is issued. `at` is the office opening a case
   * for the person: from now on it serves them at this agency.
   */
  async register(
    em: EntityManager,
    person: PersonInput,
    at: ServedAt,
    knownId?: string,
  ): Promise<{ citizen: CitizenRecord; created: boolean }> {
    // A provisional key that was linked meanwhile (perhaps before this agency ever heard of the person).
    let id = knownId && !person.snils ? ((await this.aliasTarget(em, knownId)) ?? knownId) : knownId;
    if (person.snils) {
      const derived = this.keyFor(person.snils);
      if (knownId && knownId !== derived) {
        // Agencies derive keys with one shared secret; a mismatch means a misconfigured sender.
        throw new ValidationError(
          'citizenId',
          'CITIZEN_KEY_MISMATCH',
          'the citizen key does not match the key derived from the СНИЛС',
        );
      }
      id = derived;
    }
    // `id` is final here (derived, or an alias already resolved): a direct lookup suffices — none at all
    // for a person a consumer's batch already knows is not registered.
    const existing = id && !(await this.knownUnregistered(em, id)) ? await em.findOne(CitizenRecord, { id }) : null;
    if (existing) {
      existing.territory = territoryOf(at, existing.territory);
      return { citizen: existing, created: false };
    }
    const c = em.create(CitizenRecord, {
      id: id ?? newProvisionalCitizenId(),
      snils: person.snils ?? null,
      lastName: person.lastName,
      firstName: person.firstName,
      middleName: person.middleName ?? null,
      birthDate: person.birthDate,
      phone: person.phone ?? null,
      address: person.address ?? null,
      territory: territoryOf(at, undefined),
    });
    em.persist(c); // inserted at the caller's flush, before the rows that reference it (see refTo)
    return { citizen: c, created: true };
  }

  /**
   * In a consumer's batch: whether `id` is known not to be registered, from
   * one lookup of every person with a СНИЛС the batch's bodies name (their
   * keys are derived, so no alias can move them).
   */
  private knownUnregistered(em: EntityManager, id: string): Promise<boolean> {
    return knownAbsent(em, 'citizen', id, (body) => {
      const snils = (body as { person?: { snils?: unknown } }).person?.snils;
      return typeof snils === 'string' ? this.keyFor(snils) : undefined;
    });
  }

  /**
   * Re-keys a record from `previousId` to `newId`, keeping the old key as an
   * alias (recorded even when there is no record yet, so a later message under
   * the old key finds the new one). Foreign keys to citizen(id) cascade on
   * update. Runs in `em`'s transaction; returns whether a record moved.
   */
  async rekey(em: EntityManager, previousId: string, newId: string, snils?: string): Promise<boolean> {
    if (previousId === newId) return false;
    const exists = await execInTx<{ id: string }[]>(em, 'select id from citizen where id in (?, ?)', [
      previousId,
      newId,
    ]);
    if (exists.some((r) => r.id === newId) && exists.some((r) => r.id === previousId)) {
      throw new ConflictError(
        'CITIZEN_ALREADY_REGISTERED',
        `a citizen with this СНИЛС is already registered under key ${newId}; records must be merged by an administrator`,
        {
          field: 'snils',
          rule: 'UNIQUE_CITIZEN',
        },
      );
    }
    const r = await execInTx<{ affectedRows?: number }>(
      em,
      'update citizen set id = ?, snils = coalesce(?, snils), updated_at = now() where id = ?',
      [newId, snils ?? null, previousId],
      'run',
    );
    await execInTx(em, 'update citizen_alias set citizen_id = ? where citizen_id = ?', [newId, previousId], 'run');
    await execInTx(
      em,
      'insert into citizen_alias (alias, citizen_id) values (?, ?) on conflict (alias) do update set citizen_id = excluded.citizen_id',
      [previousId, newId],
      'run',
    );
    return Boolean(r.affectedRows);
  }
}
