import type { EmploymentIncomingReferralResolvers } from '../generated/graphql';
import { registrationById } from './loaders';

export const EmploymentIncomingReferral: EmploymentIncomingReferralResolvers = {
  citizen: (r) => ({ id: r.citizenId }),
  registration: (r, _a, ctx) => (r.receiverCaseId ? registrationById(ctx, r.receiverCaseId) : null),
};
