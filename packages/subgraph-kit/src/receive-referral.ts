import type { EntityManager } from '@mikro-orm/core';
import { referralAcceptedV1, referralReceivedV1, type MessageData, type PersonData } from '@sc/contracts';
import {
  dateOf,
  referralDeadlines,
  unassignedTerritory,
  uuidv7,
  type Agency,
  type IsoDate,
  type ReceivedReferral,
  type ReferralDeadlineCode,
  type SlaReferralType,
} from '@sc/kernel';
import { knownAbsent, type HandlerContext } from '@sc/messaging';
import { SYSTEM_PRINCIPAL, writeAudit } from './audit';
import type { CitizenRecord } from './citizen-directory';
import type { ServiceDeps } from './context';
import { notify } from './notifications';
import { loadWorkingCalendar } from './working-calendar.store';

/** What a receiver made of a referral on receipt: its copy, and the case it opened or joined (if any yet). */
export interface ReferralReceipt<R extends ReceivedReferral, C = undefined> {
  referral: R;
  /** Audited as the entity changed; with `caseId`, named in the reply and the notification. */
  caseType: string;
  caseId?: string;
  /** The case itself, as `open` found or made it, for the caller's next step. */
  serving?: C;
  /** Who hears that a referral came (the office's HEAD, or the specialist already on the case). */
  tell?: MessageData<typeof referralReceivedV1>['recipient'];
}

/**
 * A referral received — M4 at ЦСПН, M1 at ЦЗН, ЦСПН's urgent referral at
 * КЦСОН — the same way everywhere, in the consumer's transaction: once per
 * referral id; the person registered in this agency's directory (in the
 * office the message names, else the region's queue); the receiver's copy
 * and case made by `open`, with the citizen's appearance deadline
 * (REFERRAL_APPEARANCE_WORKING_DAYS_<type> working days from receipt, the
 * parameters in force that day); the acceptance reply staged; whoever
 * `tell` names notified; the change audited.
 */
export async function receiveReferral<
  R extends ReceivedReferral,
  C,
  P extends { get(c: ReferralDeadlineCode): number },
>(
  deps: ServiceDeps,
  { em, outbox }: HandlerContext,
  m: {
    type: SlaReferralType;
    /** The message's CloudEvents type, as the audit's operation. */
    operation: string;
    referralId: string;
    citizenId: string;
    fromAgency: Agency;
    person: PersonData;
    territory?: string;
  },
  o: {
    entity: new () => R;
    receiverAgency: Agency;
    parameters: (em: EntityManager, region: string, on: IsoDate) => Promise<P>;
    open: (a: {
      citizen: CitizenRecord;
      /** Registered just now: this agency has no case of theirs yet. */
      newCitizen: boolean;
      now: Date;
      params: P;
      appearanceDueOn: IsoDate;
    }) => Promise<ReferralReceipt<R, C>>;
  },
): Promise<ReferralReceipt<R, C> | undefined> {
  // Recorded under another message id? (Within a consumer's batch, known for all its referrals at once.)
  if (!(await newInBatch(em, o.entity, m.referralId)) && (await em.findOne(o.entity, { id: m.referralId } as never)))
    return undefined;
  const served = { said: m.territory, otherwise: unassignedTerritory(deps.config.region) };
  const { citizen, created } = await deps.directory.register(em, m.person, served, m.citizenId);
  const now = deps.clock.now();
  const today = dateOf(now);
  const [params, calendar] = await Promise.all([o.parameters(em, deps.config.region, today), loadWorkingCalendar(em)]);
  const { appearanceDueOn } = referralDeadlines(m.type, today, params, calendar);
  const receipt = await o.open({ citizen, newCitizen: created, now, params, appearanceDueOn });
  // Written at the handler's (or its batch's) flush, after the case `open` made if the schema says it references it.
  em.persist(receipt.referral);
  await outbox.enqueue(em, referralAcceptedV1, citizen.id, {
    referralId: m.referralId,
    citizenId: citizen.id,
    senderAgency: m.fromAgency,
    receiverAgency: o.receiverAgency,
    // ЦЗН opens no case until the citizen comes: its reply names the referral (in-service names the registration).
    receiverCaseId: receipt.caseId ?? m.referralId,
    acceptedAt: now.toISOString(),
  });
  if (receipt.tell && receipt.caseId)
    await notify(em, deps, referralReceivedV1, {
      notificationId: uuidv7(now.getTime()),
      recipient: receipt.tell,
      referralId: m.referralId,
      fromAgency: m.fromAgency,
      referralType: m.type,
      caseType: receipt.caseType,
      caseId: receipt.caseId,
      territory: receipt.referral.territory,
      receivedAt: now.toISOString(),
    });
  const entityId = receipt.caseId ?? m.referralId;
  const entry = {
    citizenId: citizen.id,
    operation: m.operation,
    action: 'CHANGE' as const,
    entity: receipt.caseType,
    entityId,
  };
  await writeAudit(em, SYSTEM_PRINCIPAL(o.receiverAgency, 'system:incoming-referrals'), [entry]);
  return receipt;
}

/** Whether a consumer's batch knows this referral is not recorded yet (one lookup for every referral id in it). */
const newInBatch = (em: EntityManager, entity: new () => unknown, referralId: string): Promise<boolean> =>
  knownAbsent(em, em.getMetadata().get(entity.name).tableName, referralId, referralIdOf);

/** The referral a message body names (every referral message and reply carries `referralId`), for batch lookups. */
export const referralIdOf = (body: unknown): string | undefined => {
  const id = (body as { referralId?: unknown }).referralId;
  return typeof id === 'string' ? id : undefined;
};
