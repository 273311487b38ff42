import type {
  CommissionDecisionResolvers,
  CommissionMeetingResolvers,
  EffectivenessConclusionResolvers,
} from '../generated/graphql';
import { applicationById, contractById, programmeById } from './loaders';

export const CommissionMeeting: CommissionMeetingResolvers = {
  agenda: async (m, _x, ctx) =>
    (await Promise.all(m.agenda.map((a) => programmeById(ctx, a.programmeId)))).filter((p) => p !== null),
  heldAt: (m) => m.heldAt ?? null,
  evaluationAgenda: async (m, _x, ctx) =>
    (await Promise.all(m.evaluationAgenda.map((e) => contractById(ctx, e.contractId)))).filter((c) => c !== null),
  effectivenessConclusions: (m) => m.conclusions,
};

export const EffectivenessConclusion: EffectivenessConclusionResolvers = {
  contract: async (e, _x, ctx) => (await contractById(ctx, e.contractId))!,
  citizen: (e) => ({ id: e.citizenId }),
  decidedAt: (e) => new Date(e.decidedAt),
};

export const CommissionDecision: CommissionDecisionResolvers = {
  programme: async (d, _x, ctx) => (await programmeById(ctx, d.programmeId))!,
  application: async (d, _x, ctx) => (await applicationById(ctx, d.applicationId))!,
  citizen: (d) => ({ id: d.citizenId }),
  decidedAt: (d) => new Date(d.decidedAt),
};
