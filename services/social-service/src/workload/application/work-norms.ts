import { normsFromParameters } from '@sc/subgraph-kit';
import { loadSocialServiceParameters } from '../../parameters/application/social-service-parameters';

/** Which norms an operation of КЦСОН spends (хронометраж; [U] parameters, seed 003 gives none). */
export const OPERATION_NORMS: Readonly<Record<string, readonly string[]>> = {
  requestUrgentServices: ['NORM_URGENT_REQUEST_MINUTES'],
  recordUrgentServiceDelivery: ['NORM_URGENT_DELIVERY_MINUTES'],
  issueUrgentServiceAct: ['NORM_URGENT_ACT_MINUTES'],
  openAccompanimentCase: ['NORM_ACCOMPANIMENT_MINUTES'],
  addAccompanimentMeasure: ['NORM_ACCOMPANIMENT_MEASURE_MINUTES'],
  recordPreventionCheck: ['NORM_PREVENTION_CHECK_MINUTES'],
  reportPreventionMeasure: ['NORM_PREVENTION_MEASURE_MINUTES'],
};

export const workNormsOf = (region: string) =>
  normsFromParameters(OPERATION_NORMS, (tx, on) => loadSocialServiceParameters(tx, region, on));
