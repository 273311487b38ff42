import { EntitySchema } from '@mikro-orm/core';
import { OutgoingReferral } from '@sc/kernel';
import { CitizenRecord, refTo } from './citizen-directory';

/** Column shapes every service maps its EntitySchemas with (explicit `type:` works under tsc and swc alike). */
export const columns = {
  text: (nullable = false) => ({ type: 'string', columnType: 'text', nullable }) as const,
  date: (nullable = false) => ({ type: 'date', columnType: 'date', nullable }) as const,
  json: (nullable = false) => ({ type: 'json', nullable }) as const,
  instant: (nullable = false) => ({ type: 'Date', columnType: 'timestamptz', nullable }) as const,
  /** Optimistic locking: a concurrent change answers CONFLICT, never overwrites. */
  version: { type: 'integer', version: true } as const,
  citizen: (nullable = false) => refTo(() => CitizenRecord, { fieldName: 'citizen_id', nullable }),
};

/**
 * The `outgoing_referral` table of a sending agency (ЦЗН, КЦСОН): the same
 * columns everywhere except the sender's own case, which references the
 * agency's case table (a ЦЗН registration, a КЦСОН application).
 */
export function outgoingReferralSchema(
  senderCase: () => EntitySchema<any, any> | (new () => any),
  senderCaseColumn: string,
): EntitySchema<OutgoingReferral> {
  const { text, instant } = columns;
  return new EntitySchema<OutgoingReferral>({
    class: OutgoingReferral,
    tableName: 'outgoing_referral',
    properties: {
      id: { type: 'uuid', primary: true },
      citizenId: columns.citizen(),
      territory: territoryColumn(),
      senderCaseId: refTo(senderCase, { fieldName: senderCaseColumn }),
      type: text(),
      toAgency: text(),
      basis: text(),
      comment: text(true),
      status: text(),
      sentAt: instant(),
      respondedAt: instant(true),
      receiverCaseId: { type: 'uuid', nullable: true },
      returnReason: text(true),
      createdBy: text(),
      ...referralLifecycleColumns(),
      acceptanceDueOn: columns.date(true),
      resultDueOn: columns.date(true),
    },
  });
}

/** Columns of the lifecycle both copies of a referral keep (sender's and receiver's). */
export const referralLifecycleColumns = () => {
  const { text, instant } = columns;
  return {
    inServiceAt: instant(true),
    resultAt: instant(true),
    outcome: text(true),
    resultSummary: text(true),
    expiredAt: instant(true),
  };
};

/** The same columns as SQL, for the migrations that add them. */
export const REFERRAL_LIFECYCLE_COLUMNS_SQL =
  'in_service_at timestamptz, result_at timestamptz, outcome text, result_summary text, expired_at timestamptz';

/**
 * The `outgoing_referral` table of an agency that starts sending referrals
 * (ЦСПН: M1 to ЦЗН, urgent services and accompaniment to КЦСОН), in the shape
 * the first senders' tables have after `OUTGOING_REFERRAL_LIFECYCLE_SQL`.
 */
export const outgoingReferralTableSql = (caseColumn: string, caseTable: string): string[] => [
  `create table outgoing_referral (
     id uuid primary key,
     citizen_id uuid not null references citizen (id) on update cascade,
     ${caseColumn} uuid not null references ${caseTable} (id),
     territory char(8) not null,
     type text not null,
     to_agency text not null,
     basis text not null,
     comment text,
     status text not null,
     sent_at timestamptz not null,
     responded_at timestamptz,
     receiver_case_id uuid,
     return_reason text,
     created_by text not null,
     acceptance_due_on date,
     result_due_on date,
     ${REFERRAL_LIFECYCLE_COLUMNS_SQL}
   )`,
  'create index outgoing_referral_citizen_idx on outgoing_referral (citizen_id, sent_at desc)',
  'create index outgoing_referral_territory_idx on outgoing_referral (territory, sent_at desc)',
];

/** The lifecycle columns added to the first senders' `outgoing_referral` (ЦЗН, КЦСОН; issue 13). */
export const OUTGOING_REFERRAL_LIFECYCLE_SQL: readonly string[] = [
  `alter table outgoing_referral add column if not exists acceptance_due_on date,
     add column if not exists result_due_on date,
     ${REFERRAL_LIFECYCLE_COLUMNS_SQL.split(', ')
       .map((c) => `add column if not exists ${c}`)
       .join(', ')}`,
];

/**
 * The receiver's copy of a referral (`ReceivedReferral`): its lifecycle
 * columns, spread into each receiver's own EntitySchema beside the columns
 * only it keeps. `receiverCaseColumn` names the receiver's case column.
 */
export const receivedReferralProperties = (receiverCaseColumn: string) => {
  const { text, instant, date } = columns;
  return {
    id: { type: 'uuid', primary: true },
    citizenId: columns.citizen(),
    territory: territoryColumn(),
    type: text(),
    fromAgency: text(),
    senderCaseId: { type: 'uuid' },
    status: text(),
    receivedAt: instant(),
    receiverCaseId: { type: 'uuid', nullable: true, fieldName: receiverCaseColumn },
    appearanceDueOn: date(true),
    ...referralLifecycleColumns(),
    returnReason: text(true),
    returnedAt: instant(true),
    returnedBy: text(true),
  } as const;
};

/** The same columns as SQL (less the ones every receiver table has had from its start). */
export const RECEIVED_REFERRAL_LIFECYCLE_SQL = `appearance_due_on date, ${REFERRAL_LIFECYCLE_COLUMNS_SQL}, return_reason text, returned_at timestamptz, returned_by text`;

/** The ОКТМО territory that serves a case (8 digits; see @sc/kernel territory). */
export const territoryColumn = () => ({ type: 'string', length: 8, columnType: 'char(8)' }) as const;
