import { ValidationError, type IsoDate } from '@sc/kernel';
import { citizenProfile } from './citizen.resolvers';
import type { CitizenRecord } from './citizen-directory';
import type { Read } from './read';

const CYRILLIC = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';
const LATIN = 'abvgdeejziyklmnoprstufhc4wq0x1239'; // one ASCII letter or digit per letter; е and ё alike

/**
 * Person search (issue 12): surname, name and patronymic as one key, matched
 * by trigram word similarity (pg_trgm) so a small typo still finds the
 * person; ranked, within the caller's territory. The key spells Cyrillic
 * letters in ASCII (ё as е, any case): pg_trgm sees only letters its locale
 * classifies, and a database in the C locale — the embedded default —
 * classifies no Cyrillic, so this works the same under any locale.
 */
export const CITIZEN_SEARCH_SQL: readonly string[] = [
  // pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
  `create extension if not exists pg_trgm`,
  `create function citizen_search_key(t text) returns text language sql immutable parallel safe
     as $$ select translate(lower(t), '${CYRILLIC}${CYRILLIC.toUpperCase()}', '${LATIN}${LATIN}') $$`,
  `alter table citizen add column search_name text generated always as (
     citizen_search_key(last_name || ' ' || first_name || ' ' || coalesce(middle_name, ''))
   ) stored`,
  `create index citizen_search_name_trgm on citizen using gin (search_name gin_trgm_ops)`,
];

export interface CitizenSearchArgs {
  text: string;
  birthDate?: IsoDate | null;
  first?: number | null;
}

export interface CitizenSearchHit {
  citizenId: string;
  territory: string;
  citizen: { id: string };
  profile: ReturnType<typeof citizenProfile>;
  score: number;
}

/**
 * The agency's own records of people whose name is like `text` (and born on
 * `birthDate` when given), best match first. Word similarity lets "Иванова"
 * find "Иванова Мария Петровна" and "Ивонова" still find it.
 */
export const searchCitizens =
  (a: CitizenSearchArgs): Read<CitizenSearchHit[]> =>
  async ({ em, inTerritory }) => {
    const q = a.text.replace(/\s+/g, ' ').trim();
    if ((q.match(/\p{L}/gu) ?? []).length < 2)
      throw new ValidationError('text', 'MIN_LENGTH', 'give at least 2 letters of the name');
    if (q.length > 200) throw new ValidationError('text', 'MAX_LENGTH', 'at most 200 characters');
    const first = a.first ?? 20;
    if (!Number.isInteger(first) || first < 1 || first > 100)
      throw new ValidationError('first', 'RANGE', 'must be between 1 and 100');
    const rows = await em.getConnection().execute<(Record<string, unknown> & { score: number })[]>(
      `select id, snils, last_name, first_name, middle_name, to_char(birth_date, 'YYYY-MM-DD') as birth_date,
              phone, address, territory, word_similarity(citizen_search_key(?), search_name) as score
         from citizen
        where territory like ? and citizen_search_key(?) <% search_name ${a.birthDate ? 'and birth_date = ?' : ''}
        order by score desc, last_name, id
        limit ?`,
      [q, inTerritory.territory.$like, q, ...(a.birthDate ? [a.birthDate] : []), first],
      'all',
      em.getTransactionContext(),
    );
    return rows.map((r: Record<string, unknown>) => {
      const rec = {
        id: r.id,
        snils: r.snils,
        lastName: r.last_name,
        firstName: r.first_name,
        middleName: r.middle_name,
        birthDate: r.birth_date,
        phone: r.phone,
        address: r.address,
      } as CitizenRecord;
      return {
        citizenId: rec.id,
        territory: r.territory as string,
        citizen: { id: rec.id },
        profile: citizenProfile(rec),
        score: Number(r.score),
      };
    });
  };
