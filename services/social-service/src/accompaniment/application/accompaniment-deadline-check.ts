import type { CaseDeadline } from '@sc/subgraph-kit';
import { AccompanimentCase } from '../domain/accompaniment-case';
import { OPEN_ACCOMPANIMENT_STATUSES, openDeadlines } from '../domain/accompaniment-deadlines';
import type { EntityManager } from '@mikro-orm/core';
import type { IsoDate } from '@sc/kernel';

const DESCRIPTIONS = {
  NEED_DECISION: 'решение о признании нуждающимся в социальном обслуживании (5 рабочих дней)',
  INDIVIDUAL_PROGRAMME: 'индивидуальная программа предоставления социальных услуг (10 рабочих дней)',
  PROGRAMME_REVISION: 'пересмотр индивидуальной программы',
} as const;

/** Every open accompaniment case's 442-ФЗ deadlines due on or before `until` (overdue ones included). */
export async function accompanimentDeadlinesDue(
  em: EntityManager,
  a: { region: string; until: IsoDate },
): Promise<CaseDeadline[]> {
  const open = await em.find(AccompanimentCase, {
    territory: { $like: `${a.region}%` },
    status: { $in: [...OPEN_ACCOMPANIMENT_STATUSES] },
  });
  return open.flatMap((c) =>
    openDeadlines(c)
      .filter((d) => d.due <= a.until)
      .map((d) => ({
        kind: d.kind,
        dueDate: d.due,
        description: DESCRIPTIONS[d.kind],
        caseType: 'AccompanimentCase',
        caseId: c.id,
        territory: c.territory,
        assignedTo: c.assignedTo,
      })),
  );
}
