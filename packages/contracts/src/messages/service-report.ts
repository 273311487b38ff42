import { z } from 'zod';
import { isValidInn } from '@sc/kernel';
import { citizenId, isoDate, isoDateTime, uuid } from '../common';
import { defineMessage, TOPICS } from '../message-type';
import { psaActivityKind } from './contract';

const inn = z
  .string()
  .regex(/^\s*(?:\d{10}|\d{12})\s*$/, { message: 'ИНН must have 10 (organisation) or 12 (person) digits' })
  .refine(isValidInn, { message: 'ИНН check digits do not match (DOMAIN.md §6)' })
  .describe(
    'ИНН: 10 digits (organisation) or 12 (person, ИП); its check digits (DOMAIN.md §6) are validated by every consumer',
  );

const base = {
  eventId: uuid.describe('the event id at ЦЗН; ЦСПН applies each event once'),
  citizenId,
  contractId: uuid.optional().describe('the social contract the event is reported under, when known'),
  psaActivityId: uuid.optional().describe('the ПСА activity the event fulfils, as received in M2'),
  occurredOn: isoDate,
};

/**
 * M3: ЦЗН → ЦСПН. «Направление информации о предоставленных услугах в рамках
 * социального контракта» (seed 000): registration, plan, training, services,
 * employment, deregistration. ЦСПН updates the ПСА activities and payments.
 */
export const employmentServiceEventV1 = defineMessage({
  type: 'employment.service-event.v1',
  topic: TOPICS.serviceReports,
  domainRef: 'M3',
  description:
    'ЦЗН reports an employment-service event for a citizen (registration, plan, training, service delivered, employment, deregistration).',
  schema: z.discriminatedUnion('kind', [
    z
      .object({ ...base, kind: z.literal('REGISTERED'), registrationStatus: z.enum(['JOB_SEEKER', 'UNEMPLOYED']) })
      .strict(),
    z.object({ ...base, kind: z.literal('PLAN_APPROVED'), planId: uuid }).strict(),
    z
      .object({
        ...base,
        kind: z.literal('SERVICE_DELIVERED'),
        service: z.enum(['CAREER_GUIDANCE', 'SOCIAL_ADAPTATION', 'PSYCHOLOGICAL_SUPPORT']),
      })
      .strict(),
    z
      .object({
        ...base,
        kind: z.enum(['TRAINING_REFERRED', 'TRAINING_STARTED', 'TRAINING_COMPLETED', 'TRAINING_DROPPED']),
        training: z
          .object({
            programme: z.string().min(1).max(500),
            provider: z.string().max(500).optional(),
            costKopecks: z.number().int().nonnegative().optional(),
            certificate: z.string().max(200).optional(),
            reason: z.string().max(2000).optional(),
          })
          .strict(),
      })
      .strict(),
    z
      .object({
        ...base,
        kind: z.literal('EMPLOYED'),
        employment: z
          .object({
            employerInn: inn,
            employerName: z.string().max(500).optional(),
            contractDate: isoDate,
            position: z.string().min(1).max(500),
            wageKopecks: z.number().int().nonnegative(),
          })
          .strict(),
      })
      .strict(),
    z.object({ ...base, kind: z.literal('DEREGISTERED'), reason: z.string().min(1).max(2000) }).strict(),
  ]),
  examples: [
    {
      eventId: '0190f0e0-0000-7000-8000-000000000001',
      citizenId: '3b0c6f0e-2a41-8d5c-9a55-0c5e3f1a2b3c',
      kind: 'REGISTERED',
      registrationStatus: 'UNEMPLOYED',
      occurredOn: '2026-12-02',
    },
    {
      eventId: '0190f0e0-0000-7000-8000-000000000002',
      citizenId: '3b0c6f0e-2a41-8d5c-9a55-0c5e3f1a2b3c',
      contractId: '0190f0c0-0000-7000-8000-000000000001',
      psaActivityId: '0190f0c0-0000-7000-8000-0000000000a1',
      kind: 'TRAINING_COMPLETED',
      training: { programme: 'Повар', provider: 'ГАПОУ ИО «ИТАТ»', costKopecks: 2_800_000, certificate: 'св. № 0001' },
      occurredOn: '2027-03-20',
    },
    {
      eventId: '0190f0e0-0000-7000-8000-000000000003',
      citizenId: '3b0c6f0e-2a41-8d5c-9a55-0c5e3f1a2b3c',
      contractId: '0190f0c0-0000-7000-8000-000000000001',
      kind: 'EMPLOYED',
      employment: {
        employerInn: '500100732259',
        employerName: 'ИП Смирнов',
        contractDate: '2027-04-01',
        position: 'повар',
        wageKopecks: 4_500_000,
      },
      occurredOn: '2027-04-01',
    },
  ],
});

/**
 * M6: КЦСОН → ЦСПН. «Направление информации о предоставленных услугах в
 * рамках социального контракта» (seed 000), with references to the acts.
 */
export const socialServicesDeliveredV1 = defineMessage({
  type: 'social-service.services-delivered.v1',
  topic: TOPICS.serviceReports,
  domainRef: 'M6',
  description: 'КЦСОН reports services delivered to a contract holder (code, date, volume, act reference).',
  schema: z
    .object({
      reportId: uuid,
      citizenId,
      contractId: uuid,
      services: z
        .array(
          z
            .object({
              code: z.string().min(1).max(50),
              name: z.string().max(500).optional(),
              deliveredOn: isoDate,
              volume: z.number().positive(),
              unit: z.string().max(50).optional(),
              actId: uuid.optional().describe('the signed act of provision'),
              psaActivityId: uuid.optional(),
              activityKind: psaActivityKind.optional(),
              completesActivity: z.boolean().default(false).describe('true when this service fulfils the activity'),
            })
            .strict(),
        )
        .min(1),
      reportedAt: isoDateTime,
    })
    .strict(),
  examples: [
    {
      reportId: '0190f0f0-0000-7000-8000-000000000001',
      citizenId: '3b0c6f0e-2a41-8d5c-9a55-0c5e3f1a2b3c',
      contractId: '0190f0c0-0000-7000-8000-000000000001',
      services: [
        {
          code: 'FOOD_SET',
          name: 'обеспечение набором продуктов',
          deliveredOn: '2026-12-03',
          volume: 1,
          unit: 'набор',
          actId: '0190f0f0-0000-7000-8000-0000000000c1',
          activityKind: 'URGENT_SOCIAL_SERVICES',
          completesActivity: true,
        },
        {
          code: 'FIN_LITERACY',
          deliveredOn: '2027-01-20',
          volume: 4,
          unit: 'занятие',
          psaActivityId: '0190f0c0-0000-7000-8000-0000000000a2',
          completesActivity: true,
        },
      ],
      reportedAt: '2027-01-21T08:00:00.000Z',
    },
  ],
});
