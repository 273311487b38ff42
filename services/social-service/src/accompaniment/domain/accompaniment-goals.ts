import { parseIsoDate, uuidv7, ValidationError, type IsoDate } from '@sc/kernel';

export type GoalOutcome = 'ACHIEVED' | 'PARTLY_ACHIEVED' | 'NOT_ACHIEVED';

/**
 * Цель сопровождения: the programme's own goal (seed 002) set when the case
 * opens, and the individual ones the specialist adds; measures are planned
 * towards a goal and the result is recorded against it.
 */
export interface AccompanimentGoal {
  id: string;
  text: string;
  source: 'PROGRAMME' | 'INDIVIDUAL';
  setOn: IsoDate;
  result?: { outcome: GoalOutcome; note?: string | null; on: IsoDate; by: string } | null;
}

const MAX_TEXT = 2000;

export function newGoal(text: string, source: AccompanimentGoal['source'], on: IsoDate, now: Date): AccompanimentGoal {
  const t = text.trim();
  if (!t) throw new ValidationError('input.text', 'REQUIRED', 'state the goal');
  if (t.length > MAX_TEXT) throw new ValidationError('input.text', 'MAX_LENGTH', `at most ${MAX_TEXT} characters`);
  return { id: uuidv7(now.getTime()), text: t, source, setOn: on, result: null };
}

/** A result is dated between the goal and today; anything short of ACHIEVED says why. */
export function resultOf(
  g: AccompanimentGoal,
  r: { outcome: GoalOutcome; note?: string | null; on: IsoDate },
  today: IsoDate,
  by: string,
): NonNullable<AccompanimentGoal['result']> {
  parseIsoDate(r.on, 'input.on');
  if (r.on > today) throw new ValidationError('input.on', 'NOT_IN_FUTURE', 'cannot be in the future');
  if (r.on < g.setOn) throw new ValidationError('input.on', 'DATE_ORDER', `the goal was set on ${g.setOn}`);
  const note = r.note?.trim() || null;
  if (note && note.length > MAX_TEXT)
    throw new ValidationError('input.note', 'MAX_LENGTH', `at most ${MAX_TEXT} characters`);
  if (r.outcome !== 'ACHIEVED' && !note)
    throw new ValidationError('input.note', 'NOTE_REQUIRED', 'say what was not achieved and why');
  return { outcome: r.outcome, note, on: r.on, by };
}
