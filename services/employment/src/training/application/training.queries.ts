import { listPage, whereOf, type Connection, type PageArgs, type Read } from '@sc/subgraph-kit';
import { TrainingReferral } from '../domain/training-referral';

/** Направления на обучение of the caller's territory, the earliest start first (a worklist page). */
export const listTrainingReferrals =
  (
    f: { status?: string[] | null; territory?: string | null } | null | undefined,
    page: PageArgs,
  ): Read<Connection<TrainingReferral>> =>
  ({ em, within }) =>
    listPage(
      em,
      TrainingReferral,
      { ...within(f?.territory, 'filter.territory'), ...whereOf({ status: f?.status }) },
      { list: 'trainingReferrals', sortBy: 'startDate', direction: 'asc' },
      page,
    );
