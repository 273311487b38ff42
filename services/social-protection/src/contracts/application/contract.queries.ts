import { between, listPage, whereOf, type Connection, type PageArgs, type Read } from '@sc/subgraph-kit';
import { SocialContract } from '../domain/social-contract';
import { contractsWithOverdueObligations } from '../../monitoring/application/overdue-contracts';

export const findSocialContract =
  (id: string): Read<SocialContract | null> =>
  ({ em }) =>
    em.findOne(SocialContract, { id });

export interface SocialContractFilter {
  status?: string[] | null;
  direction?: string | null;
  assignedTo?: string | null;
  territory?: string | null;
  endingFrom?: string | null;
  endingTo?: string | null;
  /** Only running contracts with a monthly report or control visit overdue. */
  obligationsOverdue?: boolean | null;
}

/** Социальные контракты of the caller's territory, soonest end first (a worklist page). */
export const listSocialContracts =
  (f: SocialContractFilter | null | undefined, page: PageArgs): Read<Connection<SocialContract>> =>
  async ({ em, within, today, deps }) => {
    const where = {
      ...within(f?.territory, 'filter.territory'),
      ...whereOf({
        status: f?.status,
        direction: f?.direction,
        assignedTo: f?.assignedTo,
        endDate: between(f?.endingFrom, f?.endingTo),
      }),
    };
    const overdue = f?.obligationsOverdue
      ? await contractsWithOverdueObligations(em, where, today, deps.config.region)
      : null;
    return listPage(
      em,
      SocialContract,
      overdue ? { ...where, id: { $in: overdue } } : where,
      { list: 'socialContracts', sortBy: 'endDate', direction: 'asc' },
      page,
    );
  };
