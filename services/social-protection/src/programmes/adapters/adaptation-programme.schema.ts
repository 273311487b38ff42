import { EntitySchema } from '@mikro-orm/core';
import { CitizenRecord, refTo, territoryColumn } from '@sc/subgraph-kit';
import { ScApplication } from '../../applications/domain/sc-application';
import { AdaptationProgramme } from '../domain/adaptation-programme';

/** The activities and business plan are values of the programme: stored with it, versioned with it. */
export const AdaptationProgrammeSchema = new EntitySchema<AdaptationProgramme>({
  class: AdaptationProgramme,
  tableName: 'adaptation_programme',
  properties: {
    id: { type: 'uuid', primary: true },
    applicationId: refTo(() => ScApplication, { fieldName: 'application_id' }),
    citizenId: refTo(() => CitizenRecord, { fieldName: 'citizen_id' }),
    territory: territoryColumn(),
    status: { type: 'string', columnType: 'text' },
    direction: { type: 'string', columnType: 'text' },
    termMonths: { type: 'integer' },
    plannedStart: { type: 'date', columnType: 'date' },
    plannedEnd: { type: 'date', columnType: 'date' },
    activities: { type: 'json' },
    businessPlan: { type: 'json', nullable: true },
    hardshipPaymentMode: { type: 'string', columnType: 'text', nullable: true },
    hardshipLumpSumKopecks: { type: 'integer', nullable: true },
    commissionReasons: { type: 'string', columnType: 'text', nullable: true },
    draftedBy: { type: 'string', columnType: 'text' },
    revision: { type: 'integer' },
    agreements: { type: 'json' },
    updatedAt: { type: 'Date', columnType: 'timestamptz' },
    version: { type: 'integer', version: true },
  },
});
