import type { AssignableCase } from '@sc/subgraph-kit';
import { ScApplication } from '../applications/domain/sc-application';
import { SocialContract } from '../contracts/domain/social-contract';

/** The GraphQL case types a HEAD assigns, and the aggregate each one is. */
export const ASSIGNABLE: Record<string, { caseType: string; entity: new () => AssignableCase }> = {
  SC_APPLICATION: { caseType: 'ScApplication', entity: ScApplication },
  SOCIAL_CONTRACT: { caseType: 'SocialContract', entity: SocialContract },
};
