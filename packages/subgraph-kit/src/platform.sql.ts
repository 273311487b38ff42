/** DDL shared by every service's first migration (versioned; never edited once released). */
export const PLATFORM_TABLES_V1: readonly string[] = [
  // Кто, когда, через какую операцию читал или менял персональные данные гражданина.
  `create table audit_log (
     id bigserial primary key,
     at timestamptz not null default now(),
     subject text not null,
     agency text not null,
     roles text[] not null,
     territory text,
     operation text not null,
     action text not null check (action in ('READ', 'CHANGE')),
     citizen_id uuid not null,
     entity text,
     entity_id text,
     request_id text
   )`,
  `create index audit_log_citizen_idx on audit_log (citizen_id, at)`,
  // The agency's own copy of the person. No central master: the key is shared, the rows are not.
  `create table citizen (
     id uuid primary key,
     snils char(11) unique,
     last_name text not null,
     first_name text not null,
     middle_name text,
     birth_date date not null,
     phone text,
     address text,
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now()
   )`,
  // No foreign key: a link may arrive before the first message about the person (other topic, no common order).
  `create table citizen_alias (
     alias uuid primary key,
     citizen_id uuid not null,
     linked_at timestamptz not null default now()
   )`,
  `create index citizen_alias_target_idx on citizen_alias (citizen_id)`,
];
