import type { Read } from '@sc/subgraph-kit';
import { PreventionCase } from '../domain/prevention-case';

export const findPreventionCase =
  (id: string): Read<PreventionCase | null> =>
  ({ em }) =>
    em.findOne(PreventionCase, { id });
