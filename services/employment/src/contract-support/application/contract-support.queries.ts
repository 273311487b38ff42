import { RUNNING_CONTRACT_STATUSES } from '@sc/contracts';
import { listPage, type Connection, type PageArgs, type Read } from '@sc/subgraph-kit';
import { ContractSupport } from '../domain/contract-support';

/** Сопровождение получателей соцконтракта of the caller's territory, newest first; open contracts unless asked otherwise. */
export const listContractSupport =
  (a: { openOnly?: boolean | null; territory?: string | null } & PageArgs): Read<Connection<ContractSupport>> =>
  ({ em, within }) =>
    listPage(
      em,
      ContractSupport,
      {
        ...within(a.territory, 'territory'),
        ...(a.openOnly === false ? {} : { contractStatus: { $in: [...RUNNING_CONTRACT_STATUSES] } }),
      },
      { list: 'contractSupportCases', sortBy: 'receivedAt', direction: 'desc' },
      a,
    );
