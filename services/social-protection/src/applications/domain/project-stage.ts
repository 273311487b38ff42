import type { ContractStatus } from '../../contracts/domain/contract-status';
import type { ScApplicationStatus } from './sc-application';

/**
 * Этапы регионального проекта «Соцконтракт38» (seed 003, DOMAIN.md §2.4):
 * информирование и выявление → разработческий (ends in an approved ПСА) →
 * реализационный (the contract runs) → контрольный (evaluation, monitoring,
 * and the recovery of money after an early termination).
 */
export type ProjectStage = 'INFORMING_AND_IDENTIFICATION' | 'DEVELOPMENT' | 'IMPLEMENTATION' | 'CONTROL';

/** An application not yet registered is still being identified; from registration to the approved ПСА, developed. */
export const applicationStage = (s: ScApplicationStatus): ProjectStage =>
  s === 'SUBMITTED' ? 'INFORMING_AND_IDENTIFICATION' : 'DEVELOPMENT';

const IMPLEMENTATION: readonly ContractStatus[] = [
  'SIGNED',
  'ACTIVE',
  'UNDER_REVIEW',
  'EXTENDED',
  'SUCCESSION_PENDING',
];

/** A contract is implemented while it runs; once its term ends or it is terminated, under control. */
export const contractStage = (s: ContractStatus): ProjectStage =>
  IMPLEMENTATION.includes(s) ? 'IMPLEMENTATION' : 'CONTROL';
