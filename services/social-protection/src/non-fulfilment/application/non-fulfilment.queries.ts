import type { Read } from '@sc/subgraph-kit';
import { NonFulfilment } from '../domain/non-fulfilment';

/** One chain by id, within the caller's territory (inRead guards it). */
export const findNonFulfilment =
  (id: string): Read<NonFulfilment | null> =>
  ({ em }) =>
    em.findOne(NonFulfilment, { id });
