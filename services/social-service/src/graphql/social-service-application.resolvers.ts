import type { SocialServiceApplicationResolvers } from '../generated/graphql';

export const SocialServiceApplication: SocialServiceApplicationResolvers = {
  citizen: (a) => ({ id: a.citizenId }),
};
