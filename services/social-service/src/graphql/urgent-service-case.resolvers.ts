import type { UrgentServiceActResolvers, UrgentServiceCaseResolvers } from '../generated/graphql';
import { isActIntact } from '../urgent/application/urgent.queries';
import { actById } from './loaders';

export const UrgentServiceCase: UrgentServiceCaseResolvers = {
  citizen: (u) => (u.citizenId ? { id: u.citizenId } : null),
  act: (u, _a, ctx) => (u.actId ? actById(ctx, u.actId) : null),
};

/** The act as the recipient sees it; the signature image never leaves the database. */
export const UrgentServiceAct: UrgentServiceActResolvers = {
  recipientName: (a) => a.content.recipient.fullName,
  provider: (a) => a.content.provider,
  services: (a) => a.content.services,
  conditions: (a) => a.content.conditions,
  drawnUpOn: (a) => a.content.drawnUpOn,
  signed: (a) => Boolean(a.signedAt),
  signedAt: (a) => a.signedAt ?? null,
  intact: (a, _x, ctx) => isActIntact(ctx.em, a),
  canonicalContent: (a) => a.canonicalText(),
  unsignedReason: (a) => a.unsignedReason ?? null,
};
