import { outgoingReferralSchema } from '@sc/subgraph-kit';
import { ServiceApplication } from '../../applications/domain/service-application';

/** КЦСОН's referrals: the sender case is the КЦСОН application. */
export const OutgoingReferralSchema = outgoingReferralSchema(() => ServiceApplication, 'application_id');
