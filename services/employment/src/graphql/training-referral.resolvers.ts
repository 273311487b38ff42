import { outgoingReferralFields } from '@sc/subgraph-kit';
import type {
  ContractSupportResolvers,
  EmploymentReferralResolvers,
  TrainingReferralResolvers,
} from '../generated/graphql';

export const TrainingReferral: TrainingReferralResolvers = {
  citizen: (t) => ({ id: t.citizenId }),
};

export const ContractSupport: ContractSupportResolvers = {
  citizen: (s) => ({ id: s.citizenId }),
};

export const EmploymentReferral: EmploymentReferralResolvers = {
  ...outgoingReferralFields,
  basis: (r) => r.basis,
};
