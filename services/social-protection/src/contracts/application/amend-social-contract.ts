import { uuidv7 } from '@sc/kernel';
import { CASE_WORK } from '../../access';
import type { ActivityInput } from '../../programmes/domain/adaptation-programme';
import type { PsaActivity } from '../../programmes/domain/psa-activity';
import type { CaseContext } from '@sc/subgraph-kit';
import { changeContract } from './change-contract';

/** Дополнительное соглашение: a description and activities added inside the contract dates. */
export function amendSocialContract(
  ctx: CaseContext,
  i: { contractId: string; description: string; addActivities?: ActivityInput[] | null },
) {
  return changeContract(ctx, 'amendSocialContract', CASE_WORK, i.contractId, (c, { ch, params }) => {
    const added: PsaActivity[] = (i.addActivities ?? []).map((x) => ({
      id: uuidv7(ch.now.getTime()),
      kind: x.kind,
      description: x.description.trim(),
      responsibleAgency: x.responsibleAgency,
      responsibleOrganisation: x.responsibleOrganisation ?? null,
      startDate: x.startDate,
      dueDate: x.dueDate,
      costKopecks: x.costKopecks ?? null,
      status: 'PLANNED',
      standard: false,
      completedOn: null,
      history: [],
    }));
    c.amend(i.description, added, params, ch.today, ch.by, ch.now);
  });
}
