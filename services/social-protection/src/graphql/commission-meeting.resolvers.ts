import type { CommissionDecisionResolvers, CommissionMeetingResolvers } from '../generated/graphql';
import { applicationById, programmeById } from './loaders';

export const CommissionMeeting: CommissionMeetingResolvers = {
  agenda: async (m, _x, ctx) =>
    (await Promise.all(m.agenda.map((a) => programmeById(ctx, a.programmeId)))).filter((p) => p !== null),
  heldAt: (m) => m.heldAt ?? null,
};

export const CommissionDecision: CommissionDecisionResolvers = {
  programme: async (d, _x, ctx) => (await programmeById(ctx, d.programmeId))!,
  application: async (d, _x, ctx) => (await applicationById(ctx, d.applicationId))!,
  citizen: (d) => ({ id: d.citizenId }),
  decidedAt: (d) => new Date(d.decidedAt),
};
