import { z } from 'zod';
import { agency, dateOrder, isoDate, isoDateTime, territory } from '../common';
import { defineMessage, TOPICS } from '../message-type';

/**
 * Справочник территорий (ОКТМО): an ADMIN defined or changed one entry, or
 * closed it (`validTo`, e.g. a district reformed into a municipal okrug).
 * Every agency applies it to its copy of the directory, so the three stay
 * alike; the latest message for a code wins (key = code, in order).
 */
export const territoryDefinedV1 = defineMessage({
  type: 'territory.defined.v1',
  topic: TOPICS.referenceData,
  description:
    'An entry of the territory directory (ОКТМО) was defined, changed or closed; every agency applies it. Rule: validTo is not before validFrom.',
  schema: z
    .object({
      code: territory.describe('ОКТМО, 8 digits'),
      name: z.string().min(1).max(300),
      parent: territory.nullable().describe('The enclosing entry; null for a region'),
      kind: z.enum(['REGION', 'GROUP', 'MUNICIPAL_DISTRICT', 'MUNICIPAL_OKRUG', 'CITY_OKRUG']),
      validFrom: isoDate,
      validTo: isoDate.nullable().describe('Last day in force; null while in force'),
      edition: z.string().min(1).max(200).describe('The source, e.g. the classifier edition or the regional act'),
      definedBy: agency,
      definedAt: isoDateTime,
    })
    .strict()
    .superRefine((d, ctx) =>
      dateOrder(ctx, ['validTo'], d.validTo ?? undefined, d.validFrom, 'validTo must not be before validFrom'),
    ),
  examples: [
    {
      code: '25646000',
      name: 'Усть-Удинский муниципальный район',
      parent: '25600000',
      kind: 'MUNICIPAL_DISTRICT',
      validFrom: '2014-01-01',
      validTo: null,
      edition: 'ОК 033-2013 (ОКТМО)',
      definedBy: 'SOCIAL_PROTECTION',
      definedAt: '2026-11-30T10:00:00.000Z',
    },
  ],
});
