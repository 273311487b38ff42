import type { EntityManager } from '@mikro-orm/core';
import { advanceReceivedReferrals, type ServiceDeps } from '@sc/subgraph-kit';
import type { ScApplication } from '../../applications/domain/sc-application';
import { IncomingReferral, referralProgressOf } from '../domain/incoming-referral';

/**
 * The application moved: the referrals it serves (M4 from ЦЗН or КЦСОН) tell
 * their senders that the citizen came and, once decided, the decision. In the
 * change's transaction; a step already reported is not reported again.
 */
export const reportReferralProgress = (tx: EntityManager, deps: ServiceDeps, a: ScApplication, at: Date) =>
  advanceReceivedReferrals(tx, deps, {
    entity: IncomingReferral,
    receiverAgency: 'SOCIAL_PROTECTION',
    receiverCaseId: a.id,
    progress: referralProgressOf(a),
    at,
  });
