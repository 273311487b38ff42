import type { AssignableCase } from '@sc/subgraph-kit';
import { UrgentServiceCase } from '../urgent/domain/urgent-service-case';
import { AccompanimentCase } from '../accompaniment/domain/accompaniment-case';
import { PreventionCase } from '../prevention/domain/prevention-case';

/** The GraphQL case types a HEAD assigns, and the aggregate each one is. */
export const ASSIGNABLE: Record<string, { caseType: string; entity: new () => AssignableCase }> = {
  URGENT_SERVICE_CASE: { caseType: 'UrgentServiceCase', entity: UrgentServiceCase },
  ACCOMPANIMENT_CASE: { caseType: 'AccompanimentCase', entity: AccompanimentCase },
  PREVENTION_CASE: { caseType: 'PreventionCase', entity: PreventionCase },
};
