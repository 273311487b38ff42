import type { EntityManager } from '@mikro-orm/core';
import { advanceReceivedReferrals, type ServiceDeps } from '@sc/subgraph-kit';
import type { UrgentServiceCase } from '../../urgent/domain/urgent-service-case';
import { IncomingSocialServiceReferral, urgentReferralProgress } from '../domain/incoming-social-service-referral';

/** The urgent case moved: ЦСПН's referral it serves hears that the citizen came and, at the end, the result. */
export const reportReferralProgress = (tx: EntityManager, deps: ServiceDeps, u: UrgentServiceCase, at: Date) =>
  advanceReceivedReferrals(tx, deps, {
    entity: IncomingSocialServiceReferral,
    receiverAgency: 'SOCIAL_SERVICE',
    receiverCaseId: u.id,
    progress: urgentReferralProgress(u.status),
    at,
  });
