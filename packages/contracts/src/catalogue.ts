import type { MessageType } from './message-type';
import { citizenIdentityLinkedV1 } from './messages/citizen';
import { commissionDecisionsV1, commissionInvitationV1 } from './messages/commission';
import { programmeAgreementAnsweredV1, programmeDraftForAgreementV1 } from './messages/programme';
import {
  contractConcludedForEmploymentV1,
  contractConcludedForSocialServiceV1,
  contractStatusChangedV1,
  referralForEmploymentServicesV1,
} from './messages/contract';
import {
  referralAcceptedV1,
  referralExpiredV1,
  referralForContractV1,
  referralForUrgentAndAccompanimentV1,
  referralInServiceV1,
  referralResultV1,
  referralReturnedV1,
} from './messages/referral';
import { employmentServiceEventV1, socialServicesDeliveredV1 } from './messages/service-report';
import { territoryDefinedV1 } from './messages/territory';
import {
  caseAssignedV1,
  citizenNoticeV1,
  deadlineV1,
  parameterMissingV1,
  referralOverdueV1,
  referralReceivedV1,
} from './messages/notification';

/** Every message type in the system, by CloudEvents type. */
export const CATALOGUE: readonly MessageType[] = [
  referralForContractV1,
  referralAcceptedV1,
  referralReturnedV1,
  referralInServiceV1,
  referralResultV1,
  referralExpiredV1,
  referralForUrgentAndAccompanimentV1,
  citizenIdentityLinkedV1,
  referralForEmploymentServicesV1,
  contractConcludedForEmploymentV1,
  contractConcludedForSocialServiceV1,
  contractStatusChangedV1,
  commissionInvitationV1,
  commissionDecisionsV1,
  programmeDraftForAgreementV1,
  programmeAgreementAnsweredV1,
  employmentServiceEventV1,
  socialServicesDeliveredV1,
  territoryDefinedV1,
  caseAssignedV1,
  parameterMissingV1,
  deadlineV1,
  citizenNoticeV1,
  referralReceivedV1,
  referralOverdueV1,
];
