import type { MessageData, referralForUrgentAndAccompanimentV1 } from '@sc/contracts';
import type { HandlerContext } from '@sc/messaging';
import { receiveReferral, type ServiceDeps } from '@sc/subgraph-kit';
import { loadSocialServiceParameters } from '../../parameters/application/social-service-parameters';
import { UrgentServiceCase } from '../../urgent/domain/urgent-service-case';
import { IncomingSocialServiceReferral } from '../domain/incoming-social-service-referral';

/**
 * ЦСПН's referral for urgent services and accompaniment received (seed 000):
 * the person is registered, an urgent case opens awaiting its immediate
 * decision when the citizen comes (by REFERRAL_APPEARANCE_WORKING_DAYS_FOR_URGENT_AND_ACCOMPANIMENT
 * working days, or it expires), ЦСПН hears it was accepted, and the office's
 * HEAD that a case waits for a specialist.
 */
export const acceptReferralForUrgentServices = async (
  deps: ServiceDeps,
  d: MessageData<typeof referralForUrgentAndAccompanimentV1>,
  ctx: HandlerContext,
): Promise<void> => {
  await receiveReferral(
    deps,
    ctx,
    { ...d, type: 'FOR_URGENT_AND_ACCOMPANIMENT', operation: 'referral.for-urgent-and-accompaniment.v1' },
    {
      entity: IncomingSocialServiceReferral,
      receiverAgency: 'SOCIAL_SERVICE',
      parameters: loadSocialServiceParameters,
      async open({ citizen, now, appearanceDueOn }) {
        const u = UrgentServiceCase.request({
          citizenId: citizen.id,
          territory: citizen.territory,
          anonymous: false,
          channel: 'SOCIAL_PROTECTION_REQUEST',
          notifiedBy: 'ЦСПН',
          identityDocument: 'личность установлена ЦСПН при приёме заявления',
          circumstances: d.comment?.trim() || 'направление ЦСПН: срочные социальные услуги и социальное сопровождение',
          by: 'system:incoming-referrals',
          now,
        });
        u.assignedTo = null; // the office's HEAD gives it to a specialist
        await ctx.em.persist(u).flush();
        const referral = IncomingSocialServiceReferral.receiveFromSocialProtection({
          id: d.referralId,
          citizenId: citizen.id,
          territory: citizen.territory,
          senderCaseId: d.senderCaseId,
          basis: d.basis,
          comment: d.comment ?? null,
          needs: d.needs,
          receivedAt: now,
          urgentCaseId: u.id,
          appearanceDueOn,
        });
        const tell = { role: 'HEAD', agency: 'SOCIAL_SERVICE', territory: u.territory } as const;
        return { referral, caseType: 'UrgentServiceCase', caseId: u.id, tell };
      },
    },
  );
};
