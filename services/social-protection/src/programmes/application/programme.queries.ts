import { listPage, type Connection, type PageArgs, type Read } from '@sc/subgraph-kit';
import { AdaptationProgramme } from '../domain/adaptation-programme';

export const findAdaptationProgramme =
  (id: string): Read<AdaptationProgramme | null> =>
  ({ em }) =>
    em.findOne(AdaptationProgramme, { id });

/** Повестка МВК: programmes on review whose applications await the commission in the caller's territory, oldest first. */
export const programmesAwaitingCommission =
  (page: PageArgs): Read<Connection<AdaptationProgramme>> =>
  ({ em, inTerritory }) =>
    // A programme ON_REVIEW is exactly one whose application awaits the commission (they move together).
    listPage(
      em,
      AdaptationProgramme,
      { ...inTerritory, status: 'ON_REVIEW' },
      { list: 'programmesAwaitingCommission', sortBy: 'updatedAt', direction: 'asc' },
      page,
    );
