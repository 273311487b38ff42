import { outgoingReferralSchema } from '@sc/subgraph-kit';
import { ScApplication } from '../../applications/domain/sc-application';

/** ЦСПН's referrals (M1 to ЦЗН, urgent services and accompaniment to КЦСОН): the sender case is the application. */
export const OutgoingReferralSchema = outgoingReferralSchema(() => ScApplication, 'application_id');
