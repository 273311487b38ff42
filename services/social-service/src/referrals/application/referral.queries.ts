import { OutgoingReferral } from '@sc/kernel';
import type { Read } from '@sc/subgraph-kit';

export const findOutgoingReferral =
  (id: string): Read<OutgoingReferral | null> =>
  ({ em }) =>
    em.findOne(OutgoingReferral, { id });
