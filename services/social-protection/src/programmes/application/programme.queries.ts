import type { Read } from '@sc/subgraph-kit';
import { ScApplication } from '../../applications/domain/sc-application';
import { AdaptationProgramme } from '../domain/adaptation-programme';

export const findAdaptationProgramme =
  (id: string): Read<AdaptationProgramme | null> =>
  ({ em }) =>
    em.findOne(AdaptationProgramme, { id });

/** Повестка МВК: programmes on review whose applications await the commission in the caller's territory, oldest first. */
export const programmesAwaitingCommission =
  (): Read<AdaptationProgramme[]> =>
  async ({ em, inTerritory }) => {
    const apps = await em.find(ScApplication, { ...inTerritory, status: 'COMMISSION_REVIEW' });
    return em.find(
      AdaptationProgramme,
      { ...inTerritory, status: 'ON_REVIEW', applicationId: { $in: apps.map((a) => a.id) } },
      { orderBy: { updatedAt: 'asc' } },
    );
  };
