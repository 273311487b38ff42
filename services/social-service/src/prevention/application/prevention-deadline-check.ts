import type { EntityManager } from '@mikro-orm/core';
import type { IsoDate } from '@sc/kernel';
import type { CaseDeadline } from '@sc/subgraph-kit';
import { PreventionCase } from '../domain/prevention-case';

/** Prevention signals not yet checked whose check is due on or before `until` (overdue ones included). */
export async function preventionChecksDue(
  em: EntityManager,
  a: { region: string; until: IsoDate },
): Promise<CaseDeadline[]> {
  const waiting = await em.find(PreventionCase, {
    territory: { $like: `${a.region}%` },
    status: 'SIGNAL_RECEIVED',
    checkDue: { $lte: a.until },
  });
  return waiting.map((c) => ({
    kind: 'PREVENTION_CHECK',
    dueDate: c.checkDue,
    description: 'проверка сигнала о семье (ребёнке) в трудной жизненной ситуации',
    caseType: 'PreventionCase',
    caseId: c.id,
    territory: c.territory,
    assignedTo: c.assignedTo,
  }));
}
