import { todayOf } from '@sc/subgraph-kit';
import { authorize, allows } from '@sc/auth';
import type { AccompanimentCaseResolvers, PreventionCaseResolvers } from '../generated/graphql';
import { READ_SENSITIVE } from '../access';
import { overdueDeadlines } from '../accompaniment/domain/accompaniment-deadlines';
import { ACCOMPANIMENT_PROGRAMMES } from '../accompaniment/domain/accompaniment-programmes';

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
  overdue: (a, _x, ctx) => overdueDeadlines(a, todayOf(ctx)),
  programmeDefinition: (a) => ({ code: a.programme, ...ACCOMPANIMENT_PROGRAMMES[a.programme] }),
};

export const PreventionCase: PreventionCaseResolvers = {
  citizen: (p) => ({ id: p.citizenId }),
  checkOverdue: (p, _x, ctx) => p.isCheckOverdue(todayOf(ctx)),
};
