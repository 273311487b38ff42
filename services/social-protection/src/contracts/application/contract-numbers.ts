import type { EntityManager } from '@mikro-orm/core';

/**
 * Port: the registry number of a new social contract, «СК-<region>-<year>-NNNNNN»,
 * unique and allocated inside the concluding transaction (a rolled-back
 * conclusion may leave a gap, as paper registries do after a spoilt form).
 */
export interface ContractNumbers {
  next(tx: EntityManager, region: string, year: string): Promise<string>;
}
