import { todayOf } from '@sc/subgraph-kit';
import { authorize, allows } from '@sc/auth';
import type { AccompanimentCaseResolvers, PreventionCaseResolvers } from '../generated/graphql';
import { READ_SENSITIVE } from '../access';

export const AccompanimentCase: AccompanimentCaseResolvers = {
  citizen: (a) => ({ id: a.citizenId }),
  /** Psychologists' conclusions and petitions: КЦСОН case workers only. */
  evidence: (a, _x, ctx) => {
    authorize(ctx.principal, READ_SENSITIVE, 'AccompanimentCase.evidence');
    ctx.audit.read(a.citizenId, 'AccompanimentCase.evidence');
    return a.evidence;
  },
  measures: (a, _x, ctx) => {
    if (allows(ctx.principal, READ_SENSITIVE)) return a.measures;
    return a.measures.filter((m) => m.kind !== 'PSYCHOLOGICAL');
  },
  overdue: (a, _x, ctx) => {
    const today = todayOf(ctx);
    const out: string[] = [];
    if (a.status === 'APPLIED' && a.needDecisionDue < today) out.push('NEED_DECISION');
    if ((a.status === 'APPLIED' || a.status === 'NEED_RECOGNISED') && a.programmeDue < today)
      out.push('INDIVIDUAL_PROGRAMME');
    if (a.individualProgramme && a.isOpen() && a.individualProgramme.revisionDue < today)
      out.push('PROGRAMME_REVISION');
    return out;
  },
};

export const PreventionCase: PreventionCaseResolvers = {
  citizen: (p) => ({ id: p.citizenId }),
  checkOverdue: (p, _x, ctx) => p.status === 'SIGNAL_RECEIVED' && p.checkDue < todayOf(ctx),
};
