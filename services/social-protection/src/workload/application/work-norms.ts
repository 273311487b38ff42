import type { WorkNorms } from '@sc/subgraph-kit';
import { loadParameters } from '../../parameters/application/parameter.queries';
import { normMinutes, OPERATION_NORMS } from '../domain/workload';

/** ЦСПН's хронометраж: an operation's normed minutes under the region's parameters in force that day. */
export const socialProtectionWorkNorms = (region: string): WorkNorms => ({
  async minutes(tx, operation, on) {
    if (!OPERATION_NORMS[operation]) return 0;
    return normMinutes(operation, await loadParameters(tx, region, on));
  },
});
