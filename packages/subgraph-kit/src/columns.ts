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
    },
  });
}

/** The ОКТМО territory that serves a case (8 digits; see @sc/kernel territory). */
export const territoryColumn = () => ({ type: 'string', length: 8, columnType: 'char(8)' }) as const;
