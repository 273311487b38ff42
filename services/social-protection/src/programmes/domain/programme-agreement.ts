import { ConflictError, type IsoDate, type ProgrammeAgreementDecision, type ProgrammeProposal } from '@sc/kernel';
import type { PsaActivity } from './psa-activity';

/**
 * Согласование проекта ПСА (seed 000, step 3: «разработка программы
 * социальной адаптации с участием представителей ЦЗН и КЦСОН»; DOMAIN.md
 * §4.1: PSA_DRAFTING → COMMISSION_REVIEW only when agreed with ЦЗН/КЦСОН and
 * the citizen). Each revision of the draft is agreed anew; the answers to
 * earlier revisions stay as history.
 */
export type ProgrammeParty = 'EMPLOYMENT' | 'SOCIAL_SERVICE' | 'CITIZEN';
export type ProgrammeAgreementStatus = 'PENDING' | ProgrammeAgreementDecision;
export const PROGRAMME_PARTNERS = ['EMPLOYMENT', 'SOCIAL_SERVICE'] as const;
export type ProgrammePartner = (typeof PROGRAMME_PARTNERS)[number];

export interface ProgrammeAgreement {
  party: ProgrammeParty;
  revision: number;
  status: ProgrammeAgreementStatus;
  /** The date ЦСПН asked a partner to answer by; none for the citizen (agrees in person). */
  answerBy?: IsoDate | null;
  comment?: string | null;
  proposals: ProgrammeProposal[];
  /** The partner's specialist or ЦСПН's (who recorded the citizen's answer). */
  answeredBy?: string | null;
  answeredAt?: string | null;
}

/**
 * Who agrees a draft: each partner that would carry out one of its
 * activities (a partner with nothing to do has nothing to agree) and always
 * the citizen.
 */
export function partiesToAgree(activities: readonly Pick<PsaActivity, 'responsibleAgency'>[]): ProgrammeParty[] {
  const partners = PROGRAMME_PARTNERS.filter((p) => activities.some((a) => a.responsibleAgency === p));
  return [...partners, 'CITIZEN'];
}

export const pendingAgreement = (
  party: ProgrammeParty,
  revision: number,
  answerBy: IsoDate | null,
): ProgrammeAgreement => ({ party, revision, status: 'PENDING', answerBy, proposals: [] });

/**
 * Records one party's answer to one revision. Repeating the same answer
 * changes nothing (a redelivered message); a different answer to a revision
 * already answered is a CONFLICT, as is an answer from a party not asked.
 */
export function recordAgreementAnswer(
  agreements: ProgrammeAgreement[],
  party: ProgrammeParty,
  revision: number,
  answer: {
    decision: ProgrammeAgreementDecision;
    comment: string | null;
    proposals: ProgrammeProposal[];
    by: string;
    at: string;
  },
): 'RECORDED' | 'REPEATED' {
  const entry = agreements.find((a) => a.party === party && a.revision === revision);
  if (!entry)
    throw new ConflictError('NOT_ASKED_TO_AGREE', `${party} was not asked to agree revision ${revision} of the ПСА`, {
      rule: 'PARTIES_TO_AGREE',
      party,
      revision,
    });
  if (entry.status !== 'PENDING') {
    if (entry.status === answer.decision) return 'REPEATED';
    throw new ConflictError('ALREADY_ANSWERED', `${party} already answered revision ${revision}: ${entry.status}`, {
      rule: 'ONE_ANSWER_PER_REVISION',
      currentState: entry.status,
    });
  }
  Object.assign(entry, {
    status: answer.decision,
    comment: answer.comment,
    proposals: answer.proposals,
    answeredBy: answer.by,
    answeredAt: answer.at,
  });
  return 'RECORDED';
}

/** The parties of a revision that have not agreed it yet (pending or proposing changes). */
export const notAgreed = (agreements: readonly ProgrammeAgreement[], revision: number): ProgrammeAgreement[] =>
  agreements.filter((a) => a.revision === revision && a.status !== 'AGREED');
