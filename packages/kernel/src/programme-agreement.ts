import { parseIsoDate, type IsoDate } from './calendar-date';
import { ValidationError } from './errors';

/**
 * Согласование проекта ПСА (seed 000, step 3; DOMAIN.md §4.1
 * PSA_DRAFTING → COMMISSION_REVIEW): ЦЗН, КЦСОН and the citizen each agree
 * the draft or propose changes. The answer's rules live here once: the
 * partners check them in their subgraphs, ЦСПН for the citizen.
 */
export const PROGRAMME_AGREEMENT_DECISIONS = ['AGREED', 'CHANGES_PROPOSED'] as const;
export type ProgrammeAgreementDecision = (typeof PROGRAMME_AGREEMENT_DECISIONS)[number];

/** One proposed change: to an activity of the draft (by id) or a new one. */
export interface ProgrammeProposal {
  activityId?: string | null;
  kind?: string | null;
  description: string;
  dueDate?: IsoDate | null;
}

export interface ProgrammeAgreementAnswer {
  decision: ProgrammeAgreementDecision;
  comment?: string | null;
  proposals?: readonly ProgrammeProposal[] | null;
}

const MAX_PROPOSALS = 50;
const MAX_TEXT = 2000;

/**
 * The answer checked and normalised: proposed changes carry a comment; an
 * agreement carries no proposals; a proposal about an activity names one of
 * the draft's (`activityIds`).
 */
export function checkAgreementAnswer(
  a: ProgrammeAgreementAnswer,
  activityIds: readonly string[],
  path = 'input',
): { decision: ProgrammeAgreementDecision; comment: string | null; proposals: ProgrammeProposal[] } {
  const comment = a.comment?.trim() || null;
  const proposals = [...(a.proposals ?? [])];
  if (comment && comment.length > MAX_TEXT)
    throw new ValidationError(`${path}.comment`, 'MAX_LENGTH', `at most ${MAX_TEXT} characters`);
  if (a.decision === 'CHANGES_PROPOSED' && !comment)
    throw new ValidationError(`${path}.comment`, 'COMMENT_FOR_CHANGES', 'say which changes are proposed and why');
  if (a.decision === 'AGREED' && proposals.length)
    throw new ValidationError(`${path}.proposals`, 'NOT_APPLICABLE', 'an agreement proposes no changes');
  if (proposals.length > MAX_PROPOSALS)
    throw new ValidationError(`${path}.proposals`, 'MAX_ITEMS', `at most ${MAX_PROPOSALS} proposals`);
  const checked = proposals.map((p, i) => {
    const at = `${path}.proposals[${i}]`;
    const description = p.description.trim();
    if (!description) throw new ValidationError(`${at}.description`, 'REQUIRED', 'must not be empty');
    if (description.length > MAX_TEXT)
      throw new ValidationError(`${at}.description`, 'MAX_LENGTH', `at most ${MAX_TEXT} characters`);
    if (p.activityId && !activityIds.includes(p.activityId))
      throw new ValidationError(`${at}.activityId`, 'UNKNOWN_ACTIVITY', 'not an activity of this draft');
    return {
      activityId: p.activityId ?? null,
      kind: p.kind ?? null,
      description,
      dueDate: p.dueDate ? parseIsoDate(p.dueDate, `${at}.dueDate`) : null,
    };
  });
  return { decision: a.decision, comment, proposals: checked };
}
