import type { SubsistenceMinimum } from '../parameters/domain/subsistence-minimum';

/** ПМ as GraphQL shows it (kopecks named as such). */
export const subsistenceMinimumView = (m: SubsistenceMinimum) => ({
  region: m.region,
  year: m.year,
  zone: m.zone,
  perCapitaKopecks: m.perCapita,
  workingAgeKopecks: m.workingAge,
  pensionerKopecks: m.pensioner ?? null,
  childKopecks: m.child ?? null,
});
