import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { Principal } from '@sc/auth';
import type { Agency } from '@sc/kernel';
import type { Read } from './read';

/** Roles of the agency's own staff whom cases can be assigned to. */
export const STAFF_ROLES = ['SPECIALIST', 'HEAD', 'COMMISSION_MEMBER'] as const;

export const STAFF_TABLE_SQL: readonly string[] = [
  // Сотрудники: who works here, in which territory, as their tokens say (recorded when they first call).
  `create table staff_member (
     subject text primary key,
     territory text not null,
     roles text[] not null,
     first_seen timestamptz not null default now(),
     last_seen timestamptz not null default now()
   )`,
  `create index staff_member_territory_idx on staff_member (territory)`,
];

export interface StaffMember {
  subject: string;
  territory: string;
  roles: string[];
  lastSeen: Date;
}

/**
 * The agency's staff as its identity provider vouches for them: a case
 * worker is recorded (or their territory and roles refreshed) the first time
 * a request of theirs reaches this process, then at most every few minutes.
 * Assignment and workload need to know who exists and where; the tokens are
 * the only source of truth for that, so no separate HR feed is kept here.
 */
export class StaffRegister {
  private readonly recent = new Map<string, number>();
  constructor(
    private readonly orm: MikroORM,
    private readonly agency: Agency,
    private readonly refreshMs = 5 * 60_000,
  ) {}

  async saw(p: Principal, now = Date.now()): Promise<void> {
    if (p.agency !== this.agency || !p.roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r))) return;
    const key = `${p.subject}|${p.territory}|${p.roles.join(',')}`;
    if (now - (this.recent.get(key) ?? 0) < this.refreshMs) return;
    await this.orm.em.getConnection().execute(
      `insert into staff_member (subject, territory, roles) values (?, ?, string_to_array(?, ','))
       on conflict (subject) do update set territory = excluded.territory, roles = excluded.roles, last_seen = now()`,
      [p.subject, /^\d{2}$/.test(p.territory) ? `${p.territory}000000` : p.territory, p.roles.join(',')],
    );
    this.recent.set(key, now);
  }
}

/** Staff of this agency whose territory lies within `prefix`, by subject. */
export async function listStaff(em: EntityManager, prefix: string): Promise<StaffMember[]> {
  const rows = await em
    .getConnection()
    .execute<{ subject: string; territory: string; roles: string[]; last_seen: Date }[]>(
      'select subject, territory, roles, last_seen from staff_member where territory like ? order by subject',
      [`${prefix}%`],
    );
  return rows.map((r: { subject: string; territory: string; roles: string[]; last_seen: Date }) => ({
    subject: r.subject,
    territory: r.territory,
    roles: r.roles,
    lastSeen: new Date(r.last_seen),
  }));
}

/** The agency's staff within the caller's territory (the choice for assignment). */
export const staffInTerritory: Read<StaffMember[]> = ({ em, territoryPrefix }) => listStaff(em, territoryPrefix);
