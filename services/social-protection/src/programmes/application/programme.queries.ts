import type { Read } from '@sc/subgraph-kit';
import { ScApplication } from '../../applications/domain/sc-application';
import { regionOfTerritory } from '../../parameters/domain/regional-parameters';
import { AdaptationProgramme } from '../domain/adaptation-programme';

export const findAdaptationProgramme =
  (id: string): Read<AdaptationProgramme | null> =>
  ({ em }) =>
    em.findOne(AdaptationProgramme, { id });

/** Повестка МВК: programmes on review whose applications await the commission in the caller's region, oldest first. */
export const programmesAwaitingCommission =
  (): Read<AdaptationProgramme[]> =>
  async ({ em, principal }) => {
    const region = regionOfTerritory(principal.territory);
    const apps = await em.find(ScApplication, { status: 'COMMISSION_REVIEW', region });
    return em.find(
      AdaptationProgramme,
      { status: 'ON_REVIEW', applicationId: { $in: apps.map((a) => a.id) } },
      { orderBy: { updatedAt: 'asc' } },
    );
  };
