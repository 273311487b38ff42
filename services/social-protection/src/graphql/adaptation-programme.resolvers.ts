import type { AdaptationProgrammeResolvers } from '../generated/graphql';
import { applicationById } from './loaders';

export const AdaptationProgramme: AdaptationProgrammeResolvers = {
  citizen: (p) => ({ id: p.citizenId }),
  application: async (p, _x, ctx) => (await applicationById(ctx, p.applicationId))!,
  agreements: (p) => p.currentAgreements(),
  agreed: (p) => p.isAgreed(),
  agreementHistory: (p) => p.agreements,
};
