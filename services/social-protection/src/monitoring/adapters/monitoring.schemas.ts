import { EntitySchema } from '@mikro-orm/core';
import { CitizenRecord, refTo } from '@sc/subgraph-kit';
import { SocialContract } from '../../contracts/domain/social-contract';
import { ControlVisit } from '../domain/control-visit';
import { MonthlyReport } from '../domain/monthly-report';

export const MonthlyReportSchema = new EntitySchema<MonthlyReport>({
  class: MonthlyReport,
  tableName: 'monthly_report',
  properties: {
    id: { type: 'uuid', primary: true },
    contractId: refTo(() => SocialContract, { fieldName: 'contract_id' }),
    citizenId: refTo(() => CitizenRecord, { fieldName: 'citizen_id' }),
    period: { type: 'string', columnType: 'text' },
    submittedOn: { type: 'date', columnType: 'date' },
    status: { type: 'string', columnType: 'text' },
    activityProgress: { type: 'json' },
    spending: { type: 'json' },
    incomeChanges: { type: 'json' },
    partnerNotes: { type: 'json' },
    reviewNote: { type: 'string', columnType: 'text', nullable: true },
    reviewedBy: { type: 'string', columnType: 'text', nullable: true },
    recordedBy: { type: 'string', columnType: 'text' },
  },
});

export const ControlVisitSchema = new EntitySchema<ControlVisit>({
  class: ControlVisit,
  tableName: 'control_visit',
  properties: {
    id: { type: 'uuid', primary: true },
    contractId: refTo(() => SocialContract, { fieldName: 'contract_id' }),
    citizenId: refTo(() => CitizenRecord, { fieldName: 'citizen_id' }),
    period: { type: 'string', columnType: 'text' },
    visitDate: { type: 'date', columnType: 'date' },
    visitedBy: { type: 'string', columnType: 'text' },
    findings: { type: 'string', columnType: 'text' },
    nextSteps: { type: 'string', columnType: 'text', nullable: true },
    spendingConfirmed: { type: 'boolean' },
  },
});
