import { z } from 'zod';
import { agency, citizenId, isoDateTime } from '../common';
import { defineMessage, TOPICS } from '../message-type';

/**
 * A person first served without СНИЛС (provisional key) was identified: every
 * agency that knows the provisional key re-keys its record to the derived key
 * and keeps the old one as an alias.
 */
export const citizenIdentityLinkedV1 = defineMessage({
  type: 'citizen.identity-linked.v1',
  topic: TOPICS.citizens,
  description: 'A provisional citizen key was linked to the key derived from the now-known СНИЛС.',
  schema: z
    .object({
      previousCitizenId: citizenId,
      citizenId,
      linkedBy: agency,
      linkedAt: isoDateTime,
    })
    .strict(),
  examples: [
    {
      previousCitizenId: '9d2f6a4e-1c3b-4e5f-8a7b-6c5d4e3f2a1b',
      citizenId: '3b0c6f0e-2a41-8d5c-9a55-0c5e3f1a2b3c',
      linkedBy: 'SOCIAL_SERVICE',
      linkedAt: '2026-11-23T10:00:00.000Z',
    },
  ],
});
