import { maskSnils } from '@sc/kernel';
import type { HouseholdMemberResolvers } from '../generated/graphql';

export const HouseholdMember: HouseholdMemberResolvers = {
  snilsMasked: (m) => (m.snils ? maskSnils(m.snils) : null),
};
