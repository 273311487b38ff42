import type { EntityManager } from '@mikro-orm/core';
import { referralForContractV1, type NeedsQuestionnaire } from '@sc/contracts';
import { OPEN_REFERRAL_STATUSES, OutgoingReferral, type ReferralBasis } from '@sc/kernel';
import { personDataOf } from './citizen.resolvers';
import type { CitizenRecord } from './citizen-directory';
import type { ServiceDeps } from './context';
import { referralPage } from './referral-lifecycle';
import { referralDueDates, type ReferralDeadlineParameters } from './referral-sla';

/**
 * M4 «направление для заключения социального контракта», as ЦЗН and КЦСОН
 * both send it: the referral row and the message, in the caller's
 * transaction; one open referral per citizen.
 */
export async function sendReferralForContract(
  deps: ServiceDeps,
  tx: EntityManager,
  a: {
    fromAgency: 'EMPLOYMENT' | 'SOCIAL_SERVICE';
    citizen: CitizenRecord;
    senderCaseId: string;
    needs: NeedsQuestionnaire;
    basis: ReferralBasis;
    comment?: string | null;
    by: string;
    now: Date;
    parameters: ReferralDeadlineParameters;
  },
): Promise<OutgoingReferral> {
  const referral = await recordOutgoingReferral(deps, tx, {
    ...a,
    citizenId: a.citizen.id,
    territory: a.citizen.territory,
    createdBy: a.by,
    type: 'FOR_CONTRACT',
    toAgency: 'SOCIAL_PROTECTION',
  });
  await deps.outbox.enqueue(tx, referralForContractV1, a.citizen.id, {
    referralId: referral.id,
    citizenId: a.citizen.id,
    fromAgency: a.fromAgency,
    toAgency: 'SOCIAL_PROTECTION',
    senderCaseId: a.senderCaseId,
    basis: referral.basis,
    comment: referral.comment ?? undefined,
    person: personDataOf(a.citizen),
    needs: a.needs,
    territory: referral.territory,
    sentAt: referral.sentAt.toISOString(),
  });
  return referral;
}

/**
 * The sender's copy of a referral of any type, with its deadlines fixed from
 * the parameters in force today; one open referral per citizen, type and
 * receiver. The caller puts the message in the same transaction.
 */
export async function recordOutgoingReferral(
  deps: ServiceDeps,
  tx: EntityManager,
  a: Omit<Parameters<typeof OutgoingReferral.send>[0], 'openReferrals' | 'deadlines'> & {
    parameters: ReferralDeadlineParameters;
  },
): Promise<OutgoingReferral> {
  const openReferrals = await tx.find(OutgoingReferral, {
    citizenId: a.citizenId,
    status: { $in: [...OPEN_REFERRAL_STATUSES] },
  });
  const deadlines = await referralDueDates(tx, a.parameters, deps.config.region, a.type, a.now);
  const referral = OutgoingReferral.send({ ...a, openReferrals, deadlines });
  tx.persist(referral);
  await tx.flush();
  return referral;
}

/** Направления, sent by this agency, newest first, with the receiver's reply status (a worklist page). */
export const listOutgoingReferrals = referralPage(OutgoingReferral, {
  list: 'outgoingReferrals',
  sortBy: 'sentAt',
  direction: 'desc',
});
