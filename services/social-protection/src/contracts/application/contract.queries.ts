import type { Read } from '@sc/subgraph-kit';
import { SocialContract } from '../domain/social-contract';

export const findSocialContract =
  (id: string): Read<SocialContract | null> =>
  ({ em }) =>
    em.findOne(SocialContract, { id });
