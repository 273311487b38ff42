import { boundedArg, type Read } from '@sc/subgraph-kit';
import { ContractSupport } from '../domain/contract-support';

/** Сопровождение получателей соцконтракта, newest first; open ones only on request. */
export const listContractSupport =
  (a: { openOnly?: boolean | null; first?: number | null }): Read<ContractSupport[]> =>
  async ({ em, inTerritory }) =>
    (
      await em.find(ContractSupport, inTerritory, {
        orderBy: { receivedAt: 'desc' },
        limit: boundedArg(a.first, 'first', 50, 500),
      })
    ).filter((s) => !a.openOnly || s.isOpen());
