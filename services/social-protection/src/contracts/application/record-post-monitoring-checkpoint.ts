import { ValidationError } from '@sc/kernel';
import { CASE_WORK } from '../../access';
import type { CaseContext } from '@sc/subgraph-kit';
import type { MonitoringCheckpoint } from '../domain/social-contract';
import { changeContract } from './change-contract';

export const recordPostMonitoringCheckpoint = (
  ctx: CaseContext,
  i: { contractId: string; checkpointNo: number } & Omit<MonitoringCheckpoint, 'no' | 'dueDate' | 'by'>,
) =>
  changeContract(ctx, 'recordPostMonitoringCheckpoint', CASE_WORK, i.contractId, (c, { ch }) => {
    if (
      i.perCapitaIncomeKopecks !== null &&
      i.perCapitaIncomeKopecks !== undefined &&
      (!Number.isInteger(i.perCapitaIncomeKopecks) || i.perCapitaIncomeKopecks < 0)
    ) {
      throw new ValidationError(
        'input.perCapitaIncomeKopecks',
        'AMOUNT_RANGE',
        'must be a whole, non-negative number of kopecks',
      );
    }
    c.recordCheckpoint(
      i.checkpointNo,
      {
        doneOn: i.doneOn,
        format: i.format,
        perCapitaIncomeKopecks: i.perCapitaIncomeKopecks ?? null,
        employed: i.employed ?? null,
        notes: i.notes ?? null,
        by: ch.by,
      },
      ch.today,
    );
  });
