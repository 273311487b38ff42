import { CASE_WORK } from '../../access';
import { plannedActivity, type ActivityInput } from '../../programmes/domain/psa-activity';
import type { CaseContext } from '@sc/subgraph-kit';
import { changeContract } from './change-contract';

/** Дополнительное соглашение: a description and activities added inside the contract dates. */
export function amendSocialContract(
  ctx: CaseContext,
  i: { contractId: string; description: string; addActivities?: ActivityInput[] | null },
) {
  return changeContract(ctx, 'amendSocialContract', CASE_WORK, i.contractId, (c, { ch, params }) => {
    const added = (i.addActivities ?? []).map((x) => plannedActivity(x, ch.now));
    c.amend(i.description, added, params, ch.today, ch.by, ch.now);
  });
}
