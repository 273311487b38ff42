import type { EntityManager } from '@mikro-orm/core';
import type { ContractNumbers } from '../application/contract-numbers';

/** Contract numbers from the PostgreSQL sequence social_contract_number_seq (one counter for every region and year). */
export const sequenceContractNumbers: ContractNumbers = {
  async next(tx: EntityManager, region: string, year: string): Promise<string> {
    const rows = await tx
      .getConnection()
      .execute<{ n: string }[]>(
        `select nextval('social_contract_number_seq') as n`,
        [],
        'all',
        tx.getTransactionContext(),
      );
    return `СК-${region}-${year}-${String(rows[0]!.n).padStart(6, '0')}`;
  },
};
