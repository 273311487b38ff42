import { ConflictError, parseIsoDate, uuidv7, ValidationError, type IsoDate, type IsoMonth } from '@sc/kernel';

/**
 * Невыполнение условий социального контракта как одна цепочка (issue 16,
 * item 6): a missed ПСА activity or monthly report → the citizen is asked to
 * explain → a good cause is accepted (the deadline moves) or not → warning →
 * termination with its ground → repayment demanded with amount and due date
 * → repaid or referred to court → the citizen's appeal and its decision.
 * Every link names the one before it, so the chain reads as the case file
 * does; notices to the citizen go out at each step (M10).
 */
export type BreachKind = 'ACTIVITY_MISSED' | 'REPORT_MISSED';

export const LINK_KINDS = [
  'EXPLANATION_REQUESTED',
  'EXPLANATION_RECEIVED',
  'GOOD_CAUSE_ACCEPTED',
  'GOOD_CAUSE_REJECTED',
  'WARNING_ISSUED',
  'CONTRACT_TERMINATED',
  'REPAYMENT_DEMANDED',
  'REPAID',
  'REFERRED_TO_COURT',
  'APPEAL_FILED',
  'APPEAL_UPHELD',
  'APPEAL_REJECTED',
] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export interface ChainLink {
  id: string;
  kind: LinkKind;
  /** The link this one answers; null for the first. */
  previousId: string | null;
  on: IsoDate;
  by: string;
  /** The explanation, the reasons, the warning's text, the note, the appeal or its decision. */
  text: string | null;
  /** The explanation's, the moved activity's or report's, or the repayment's due day. */
  dueDate: IsoDate | null;
  amountKopecks: number | null;
  ground: string | null;
}

/** Which link may follow which: the chain's state machine. */
const NEXT: Record<LinkKind, readonly LinkKind[]> = {
  EXPLANATION_REQUESTED: ['EXPLANATION_RECEIVED', 'GOOD_CAUSE_REJECTED'],
  EXPLANATION_RECEIVED: ['GOOD_CAUSE_ACCEPTED', 'GOOD_CAUSE_REJECTED'],
  GOOD_CAUSE_ACCEPTED: [],
  GOOD_CAUSE_REJECTED: ['WARNING_ISSUED', 'CONTRACT_TERMINATED', 'APPEAL_FILED'],
  WARNING_ISSUED: ['CONTRACT_TERMINATED', 'APPEAL_FILED'],
  CONTRACT_TERMINATED: ['REPAYMENT_DEMANDED', 'APPEAL_FILED'],
  REPAYMENT_DEMANDED: ['REPAID', 'REFERRED_TO_COURT', 'APPEAL_FILED'],
  REFERRED_TO_COURT: ['REPAID'],
  REPAID: [],
  APPEAL_FILED: ['APPEAL_UPHELD', 'APPEAL_REJECTED'],
  APPEAL_UPHELD: [],
  APPEAL_REJECTED: ['WARNING_ISSUED', 'CONTRACT_TERMINATED', 'REPAID', 'REFERRED_TO_COURT'],
};

const MAX_TEXT = 4000;

export function chainText(v: string | null | undefined, field: string, required: boolean): string | null {
  const t = v?.trim() || null;
  if (required && !t) throw new ValidationError(field, 'REQUIRED', 'must not be empty');
  if (t && t.length > MAX_TEXT)
    throw new ValidationError(field, 'MAX_LENGTH', `must be at most ${MAX_TEXT} characters`);
  return t;
}

export class NonFulfilment {
  id!: string;
  contractId!: string;
  citizenId!: string;
  territory!: string;
  breach!: BreachKind;
  /** The missed activity (ACTIVITY_MISSED) or the month of the missed report (REPORT_MISSED). */
  activityId?: string | null;
  reportPeriod?: IsoMonth | null;
  /** The day the obligation was due. */
  missedDueDate!: IsoDate;
  links: ChainLink[] = [];
  openedAt!: Date;
  version: number = 1;

  static open(a: {
    contractId: string;
    citizenId: string;
    territory: string;
    breach: BreachKind;
    activityId?: string | null;
    reportPeriod?: IsoMonth | null;
    missedDueDate: IsoDate;
    explanationDueDate: IsoDate;
    today: IsoDate;
    by: string;
    now: Date;
  }): NonFulfilment {
    const nf = Object.assign(new NonFulfilment(), {
      id: uuidv7(a.now.getTime()),
      contractId: a.contractId,
      citizenId: a.citizenId,
      territory: a.territory,
      breach: a.breach,
      activityId: a.activityId ?? null,
      reportPeriod: a.reportPeriod ?? null,
      missedDueDate: a.missedDueDate,
      links: [],
      openedAt: a.now,
    });
    nf.add('EXPLANATION_REQUESTED', { on: a.today, by: a.by, dueDate: a.explanationDueDate, now: a.now });
    return nf;
  }

  last(): ChainLink {
    return this.links[this.links.length - 1]!;
  }

  /** Open while a link may still follow the last one. */
  isOpen(): boolean {
    return NEXT[this.last().kind].length > 0;
  }

  lastOf(kind: LinkKind): ChainLink | undefined {
    return [...this.links].reverse().find((l) => l.kind === kind);
  }

  /** Appends a link after the last one, if the chain allows it there. */
  add(
    kind: LinkKind,
    a: {
      on: IsoDate;
      by: string;
      now: Date;
      text?: string | null;
      dueDate?: IsoDate | null;
      amountKopecks?: number | null;
      ground?: string | null;
    },
  ): ChainLink {
    const prev = this.links.length ? this.last() : null;
    if (prev && !NEXT[prev.kind].includes(kind))
      throw new ConflictError(
        'CHAIN_ORDER',
        `after ${prev.kind} the chain continues with ${NEXT[prev.kind].join(', ') || 'nothing: it is closed'}`,
        { rule: 'NON_FULFILMENT_CHAIN', currentState: prev.kind, attemptedAction: kind },
      );
    const link: ChainLink = {
      id: uuidv7(a.now.getTime() + this.links.length),
      kind,
      previousId: prev?.id ?? null,
      on: a.on,
      by: a.by,
      text: a.text ?? null,
      dueDate: a.dueDate ?? null,
      amountKopecks: a.amountKopecks ?? null,
      ground: a.ground ?? null,
    };
    this.links = [...this.links, link];
    return link;
  }

  /** The day of something the citizen brought (an explanation, an appeal): not before the last link, not in the future. */
  broughtOn(value: string, field: string, today: IsoDate): IsoDate {
    const on = parseIsoDate(value, field);
    if (on > today || on < this.last().on)
      throw new ValidationError(field, 'DATE_ORDER', `from ${this.last().on} to today`);
    return on;
  }

  /** May the next step be taken now? Without an explanation, not before its due day. */
  checkNoExplanationDeadline(today: IsoDate): void {
    const requested = this.last();
    if (requested.kind === 'EXPLANATION_REQUESTED' && requested.dueDate && today <= requested.dueDate)
      throw new ConflictError(
        'EXPLANATION_PENDING',
        `the citizen may explain until ${requested.dueDate}; without an explanation the good cause is decided after it`,
        { rule: 'EXPLANATION_PERIOD' },
      );
  }
}
