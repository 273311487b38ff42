import type { Read } from '@sc/subgraph-kit';
import { ScApplication } from '../domain/sc-application';

export const findScApplication =
  (id: string): Read<ScApplication | null> =>
  ({ em }) =>
    em.findOne(ScApplication, { id });
