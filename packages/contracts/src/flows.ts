import type { Agency } from '@sc/kernel';

type Party = Exclude<Agency, 'MINISTRY'>;
const ALL: readonly Party[] = ['SOCIAL_PROTECTION', 'EMPLOYMENT', 'SOCIAL_SERVICE'];

/**
 * Who sends and who receives each message type among the three agencies
 * (integrators may consume any topic; notifications are for them). The
 * AsyncAPI document's operations are generated from this; a test checks the
 * receivers against the handlers each service actually registers.
 */
export const MESSAGE_FLOWS: Readonly<Record<string, { send: readonly Party[]; receive: readonly Party[] }>> = {
  'referral.for-contract.v1': { send: ['EMPLOYMENT', 'SOCIAL_SERVICE'], receive: ['SOCIAL_PROTECTION'] },
  'referral.accepted.v1': { send: ALL, receive: ALL },
  'referral.returned.v1': { send: ALL, receive: ALL },
  'referral.in-service.v1': { send: ALL, receive: ALL },
  'referral.result.v1': { send: ALL, receive: ALL },
  'referral.expired.v1': { send: ALL, receive: ALL },
  'referral.for-urgent-and-accompaniment.v1': { send: ['SOCIAL_PROTECTION'], receive: ['SOCIAL_SERVICE'] },
  'citizen.identity-linked.v1': { send: ALL, receive: ALL },
  'referral.for-employment-services.v1': { send: ['SOCIAL_PROTECTION'], receive: ['EMPLOYMENT'] },
  'contract.concluded-for-employment.v1': { send: ['SOCIAL_PROTECTION'], receive: ['EMPLOYMENT'] },
  'contract.concluded-for-social-service.v1': { send: ['SOCIAL_PROTECTION'], receive: ['SOCIAL_SERVICE'] },
  'contract.status-changed.v1': { send: ['SOCIAL_PROTECTION'], receive: ['EMPLOYMENT'] },
  'commission.invitation.v1': { send: ['SOCIAL_PROTECTION'], receive: ['EMPLOYMENT', 'SOCIAL_SERVICE'] },
  'commission.decisions.v1': { send: ['SOCIAL_PROTECTION'], receive: ['EMPLOYMENT', 'SOCIAL_SERVICE'] },
  'programme.draft-for-agreement.v1': { send: ['SOCIAL_PROTECTION'], receive: ['EMPLOYMENT', 'SOCIAL_SERVICE'] },
  'programme.agreement-answered.v1': { send: ['EMPLOYMENT', 'SOCIAL_SERVICE'], receive: ['SOCIAL_PROTECTION'] },
  'employment.service-event.v1': { send: ['EMPLOYMENT'], receive: ['SOCIAL_PROTECTION'] },
  'social-service.services-delivered.v1': { send: ['SOCIAL_SERVICE'], receive: ['SOCIAL_PROTECTION'] },
  'territory.defined.v1': { send: ALL, receive: ALL },
  'notification.case-assigned.v1': { send: ALL, receive: [] },
  'notification.parameter-missing.v1': { send: ['SOCIAL_PROTECTION'], receive: [] },
  'notification.deadline.v1': { send: ALL, receive: [] },
  'notification.citizen-notice.v1': { send: ['SOCIAL_PROTECTION'], receive: [] },
  'notification.referral-received.v1': { send: ['SOCIAL_PROTECTION', 'SOCIAL_SERVICE'], receive: [] },
  'notification.referral-overdue.v1': { send: ALL, receive: ALL },
};
