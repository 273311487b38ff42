import type { EntityManager } from '@mikro-orm/core';
import { advance, type ServiceDeps } from '@sc/subgraph-kit';
import { EmploymentPlan } from '../../plans/domain/employment-plan';
import type { JobSeekerRegistration } from '../../registrations/domain/job-seeker-registration';
import { employmentReferralResult, IncomingEmploymentReferral } from '../domain/incoming-employment-referral';

/**
 * A registration moved: the M1 referral it serves tells ЦСПН that the citizen
 * came and, once there is one, the result (the plan agreed, employed,
 * deregistered). A step already reported is not reported again.
 */
export async function reportReferralProgress(
  tx: EntityManager,
  deps: ServiceDeps,
  reg: JobSeekerRegistration,
  at: Date,
): Promise<void> {
  const referrals = await tx.find(IncomingEmploymentReferral, { receiverCaseId: reg.id });
  if (!referrals.length) return;
  const planAgreed = (await tx.count(EmploymentPlan, { registrationId: reg.id, status: 'AGREED' })) > 0;
  const result = employmentReferralResult({ planAgreed, registrationStatus: reg.status });
  for (const r of referrals)
    await advance(tx, deps, r, {
      receiverAgency: 'EMPLOYMENT',
      receiverCaseId: reg.id,
      progress: { appeared: true, result },
      at,
    });
}
