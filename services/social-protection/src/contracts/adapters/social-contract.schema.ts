import { EntitySchema } from '@mikro-orm/core';
import { CitizenRecord, refTo, territoryColumn } from '@sc/subgraph-kit';
import { ScApplication } from '../../applications/domain/sc-application';
import { AdaptationProgramme } from '../../programmes/domain/adaptation-programme';
import { SocialContract } from '../domain/social-contract';

/**
 * The contract aggregate: its ПСА activities, payments and after-life are
 * values saved with it. Optimistic locking (`version`) keeps a partner's
 * message and a case worker's change from overwriting each other: the loser
 * is retried (consumer) or told CONFLICT (GraphQL).
 */
export const SocialContractSchema = new EntitySchema<SocialContract>({
  class: SocialContract,
  tableName: 'social_contract',
  properties: {
    id: { type: 'uuid', primary: true },
    number: { type: 'string', columnType: 'text', unique: true },
    citizenId: refTo(() => CitizenRecord, { fieldName: 'citizen_id' }),
    territory: territoryColumn(),
    applicationId: refTo(() => ScApplication, { fieldName: 'application_id' }),
    programmeId: refTo(() => AdaptationProgramme, { fieldName: 'programme_id' }),
    direction: { type: 'string', columnType: 'text' },
    status: { type: 'string', columnType: 'text' },
    region: { type: 'string', columnType: 'text' },
    zone: { type: 'string', columnType: 'text' },
    signedOn: { type: 'date', columnType: 'date' },
    startDate: { type: 'date', columnType: 'date' },
    endDate: { type: 'date', columnType: 'date' },
    originalEndDate: { type: 'date', columnType: 'date' },
    termMonths: { type: 'integer' },
    assignedTo: { type: 'string', columnType: 'text', nullable: true },
    activities: { type: 'json' },
    payments: { type: 'json' },
    pmYear: { type: 'integer' },
    pmWorkingAgeKopecks: { type: 'integer' },
    monthlyPaymentKopecks: { type: 'integer', nullable: true },
    perCapitaIncomeBeforeKopecks: { type: 'integer' },
    employment: { type: 'json', nullable: true },
    amendments: { type: 'json' },
    extension: { type: 'json', nullable: true },
    reviewReason: { type: 'string', columnType: 'text', nullable: true },
    termination: { type: 'json', nullable: true },
    repayment: { type: 'json', nullable: true },
    evaluation: { type: 'json', nullable: true },
    postMonitoring: { type: 'json', nullable: true },
    reportDeadlineExtensions: { type: 'json' },
    concludedAt: { type: 'Date', columnType: 'timestamptz' },
    statusChangedAt: { type: 'Date', columnType: 'timestamptz' },
    version: { type: 'integer', version: true },
  },
});
