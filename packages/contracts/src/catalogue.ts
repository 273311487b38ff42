import type { MessageType } from './message-type';
import { citizenIdentityLinkedV1 } from './messages/citizen';
import { referralAcceptedV1, referralForContractV1, referralReturnedV1 } from './messages/referral';

/** Every message type in the system, by CloudEvents type. */
export const CATALOGUE: readonly MessageType[] = [
  referralForContractV1,
  referralAcceptedV1,
  referralReturnedV1,
  citizenIdentityLinkedV1,
];
