import type { AssignableCase } from '@sc/subgraph-kit';
import { JobSeekerRegistration } from '../registrations/domain/job-seeker-registration';

/** The GraphQL case types a HEAD assigns, and the aggregate each one is. */
export const ASSIGNABLE: Record<string, { caseType: string; entity: new () => AssignableCase }> = {
  JOB_SEEKER_REGISTRATION: { caseType: 'JobSeekerRegistration', entity: JobSeekerRegistration },
};
