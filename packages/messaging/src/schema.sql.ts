/**
 * DDL of the messaging tables, shared by every service and applied by each
 * service's own committed migration. Versioned: a change is a new constant
 * and a new migration, never an edit of this one.
 */
export const MESSAGING_TABLES_V1: readonly string[] = [
  `create table outbox_message (
     seq bigserial primary key,
     id uuid not null unique,
     topic text not null,
     key text not null,
     type text not null,
     headers jsonb not null,
     payload text not null,
     created_at timestamptz not null default now(),
     published_at timestamptz,
     attempts int not null default 0,
     last_error text
   )`,
  // The relay only ever scans the unpublished tail.
  `create index outbox_message_unpublished_idx on outbox_message (seq) where published_at is null`,
  `create index outbox_message_published_at_idx on outbox_message (published_at) where published_at is not null`,
  `create table inbox_message (
     consumer text not null,
     message_id text not null,
     type text not null,
     received_at timestamptz not null default now(),
     primary key (consumer, message_id)
   )`,
  `create table dead_letter (
     id uuid primary key,
     consumer text not null,
     message_id text not null,
     type text,
     topic text not null,
     partition int not null,
     "offset" text not null,
     key text not null,
     headers jsonb not null,
     payload text not null,
     error_code text not null,
     error text not null,
     attempts int not null,
     status text not null default 'PENDING' check (status in ('PENDING', 'REPLAYED', 'DISCARDED')),
     created_at timestamptz not null default now(),
     resolved_at timestamptz
   )`,
  `create unique index dead_letter_pending_uq on dead_letter (consumer, message_id) where status = 'PENDING'`,
];

/**
 * V2: the dead-letter store keeps the record's bytes as received. Text
 * columns hold a readable copy with NUL characters replaced (PostgreSQL text
 * and jsonb cannot hold U+0000), so storing a poison record never fails.
 */
export const MESSAGING_TABLES_V2: readonly string[] = [`alter table dead_letter add column payload_bytes bytea`];
