import { EntitySchema } from '@mikro-orm/core';
import { SubsistenceMinimumRecord } from '../domain/subsistence-minimum';

export const SubsistenceMinimumSchema = new EntitySchema<SubsistenceMinimumRecord>({
  class: SubsistenceMinimumRecord,
  tableName: 'subsistence_minimum',
  properties: {
    region: { type: 'string', primary: true, columnType: 'text' },
    year: { type: 'integer', primary: true },
    zone: { type: 'string', primary: true, columnType: 'text' },
    perCapita: { type: 'integer', fieldName: 'per_capita_kopecks' },
    workingAge: { type: 'integer', fieldName: 'working_age_kopecks' },
    pensioner: { type: 'integer', fieldName: 'pensioner_kopecks', nullable: true },
    child: { type: 'integer', fieldName: 'child_kopecks', nullable: true },
    changedBy: { type: 'string', columnType: 'text' },
    changedAt: { type: 'Date', columnType: 'timestamptz' },
  },
});
