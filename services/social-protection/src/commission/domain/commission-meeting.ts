import { ConflictError, dateOf, parseIsoDate, uuidv7, ValidationError, type Agency, type IsoDate } from '@sc/kernel';

/** Решение МВК по программе социальной адаптации. */
export const COMMISSION_DECISIONS = ['APPROVE', 'RETURN_FOR_REWORK', 'REFUSE'] as const;
export type CommissionDecisionKind = (typeof COMMISSION_DECISIONS)[number];

export interface CommissionMember {
  name: string;
  position?: string | null;
  agency: Agency;
  role: 'CHAIR' | 'SECRETARY' | 'MEMBER';
}

export interface AgendaItem {
  programmeId: string;
  applicationId: string;
  citizenId: string;
}

export interface CommissionDecision extends AgendaItem {
  decision: CommissionDecisionKind;
  reasons?: string | null;
  decidedBy: string;
  decidedAt: string;
}

/** A contract whose term is over, on the agenda for the commission's conclusion on effectiveness. */
export interface EvaluationAgendaItem {
  contractId: string;
  contractNumber: string;
  applicationId: string;
  citizenId: string;
}

/** Заключение МВК об эффективности, as the minutes record it: the decision and the computed one. */
export interface EffectivenessConclusion extends EvaluationAgendaItem {
  effective: boolean;
  computedEffective: boolean;
  departureReason: string | null;
  decidedBy: string;
  decidedAt: string;
}

/** Заседание межведомственной комиссии (МВК): agenda, decisions, minutes (протокол). */
export class CommissionMeeting {
  id!: string;
  region!: string;
  /** ОКТМО района (городского округа), чья межведомственная комиссия заседает. */
  territory!: string;
  meetingDate!: IsoDate;
  place?: string | null;
  status!: 'SCHEDULED' | 'HELD';
  members: CommissionMember[] = [];
  agenda: AgendaItem[] = [];
  decisions: CommissionDecision[] = [];
  /** Contracts whose term is over, for the conclusion on effectiveness (seed 000 step 7). */
  evaluationAgenda: EvaluationAgendaItem[] = [];
  conclusions: EffectivenessConclusion[] = [];
  /** Names of the members present, recorded when the meeting is closed. */
  attended: CommissionMember[] = [];
  minutes?: string | null;
  heldAt?: Date | null;
  scheduledBy!: string;
  version: number = 1;

  static schedule(a: {
    region: string;
    territory: string;
    meetingDate: IsoDate;
    place?: string | null;
    members: CommissionMember[];
    agenda: AgendaItem[];
    evaluationAgenda?: EvaluationAgendaItem[];
    today: IsoDate;
    by: string;
    now: Date;
  }): CommissionMeeting {
    parseIsoDate(a.meetingDate, 'input.meetingDate');
    if (a.meetingDate < a.today)
      throw new ValidationError('input.meetingDate', 'NOT_IN_PAST', 'a meeting cannot be scheduled in the past');
    if (a.members.length === 0) throw new ValidationError('input.members', 'REQUIRED', 'the commission needs members');
    if (!a.members.some((m) => m.role === 'CHAIR'))
      throw new ValidationError('input.members', 'CHAIR_REQUIRED', 'one member must chair the commission');
    a.members.forEach((m, i) => {
      if (!m.name.trim()) throw new ValidationError(`input.members[${i}].name`, 'REQUIRED', 'must not be empty');
    });
    if (a.agenda.length === 0 && !a.evaluationAgenda?.length)
      throw new ValidationError(
        'input',
        'AGENDA_EMPTY',
        'no programme and no ended contract is awaiting the commission: nothing to put on the agenda',
      );
    return Object.assign(new CommissionMeeting(), {
      id: uuidv7(a.now.getTime()),
      region: a.region,
      territory: a.territory,
      meetingDate: a.meetingDate,
      place: a.place ?? null,
      status: 'SCHEDULED' as const,
      members: a.members,
      agenda: a.agenda,
      decisions: [],
      evaluationAgenda: a.evaluationAgenda ?? [],
      conclusions: [],
      attended: [],
      scheduledBy: a.by,
    });
  }

  private assertOpen(action: string): void {
    if (this.status !== 'SCHEDULED')
      throw new ConflictError(
        'MEETING_HELD',
        `the meeting of ${this.meetingDate} is closed; ${action} is not possible`,
        { entity: 'CommissionMeeting', currentState: this.status, attemptedAction: action, rule: 'STATE_MACHINE' },
      );
  }

  decide(
    programmeId: string,
    decision: CommissionDecisionKind,
    reasons: string | null | undefined,
    by: string,
    now: Date,
  ): CommissionDecision {
    this.assertOpen('recordCommissionDecision');
    const item = this.agenda.find((x) => x.programmeId === programmeId);
    if (!item)
      throw new ValidationError('input.programmeId', 'ON_AGENDA', 'the programme is not on this meeting’s agenda');
    if (this.decisions.some((d) => d.programmeId === programmeId))
      throw new ConflictError(
        'ALREADY_DECIDED',
        'the commission has already decided on this programme at this meeting',
        { rule: 'ONE_DECISION_PER_CASE' },
      );
    if (decision !== 'APPROVE' && !reasons?.trim())
      throw new ValidationError('input.reasons', 'REASONS_REQUIRED', `a ${decision} decision must state its reasons`);
    if (this.meetingDate > dateOf(now))
      throw new ConflictError(
        'MEETING_NOT_YET',
        `the meeting is on ${this.meetingDate}; decisions are recorded at or after it`,
        { rule: 'DECIDE_AT_MEETING' },
      );
    const d: CommissionDecision = {
      ...item,
      decision,
      reasons: reasons?.trim() || null,
      decidedBy: by,
      decidedAt: now.toISOString(),
    };
    this.decisions.push(d);
    return d;
  }

  /** May the commission conclude on this contract now: open, on its agenda, not yet concluded, at or after the meeting. */
  checkConclusion(contractId: string, now: Date): EvaluationAgendaItem {
    this.assertOpen('evaluateSocialContract');
    const item = this.evaluationAgenda.find((x) => x.contractId === contractId);
    if (!item)
      throw new ValidationError('input.contractId', 'ON_AGENDA', 'the contract is not on this meeting’s agenda');
    if (this.conclusions.some((x) => x.contractId === contractId))
      throw new ConflictError('ALREADY_DECIDED', 'the commission has already concluded on this contract', {
        rule: 'ONE_DECISION_PER_CASE',
      });
    if (this.meetingDate > dateOf(now))
      throw new ConflictError(
        'MEETING_NOT_YET',
        `the meeting is on ${this.meetingDate}; conclusions are recorded at or after it`,
        { rule: 'DECIDE_AT_MEETING' },
      );
    return item;
  }

  /**
   * Records the commission's conclusion on a contract of its agenda, at or
   * after the meeting and once; the verdict (and any departure from the
   * figures) is the caller's, made by the contract's rules.
   */
  concludeEffectiveness(
    contractId: string,
    v: { effective: boolean; computedEffective: boolean; departureReason: string | null },
    by: string,
    now: Date,
  ): EffectivenessConclusion {
    const item = this.checkConclusion(contractId, now);
    const conclusion: EffectivenessConclusion = { ...item, ...v, decidedBy: by, decidedAt: now.toISOString() };
    this.conclusions.push(conclusion);
    return conclusion;
  }

  /** Closes the meeting and writes the minutes; undecided cases wait for the next meeting. */
  close(attendedNames: readonly string[], now: Date): void {
    this.assertOpen('closeCommissionMeeting');
    const unknown = attendedNames.filter((n) => !this.members.some((m) => m.name === n));
    if (unknown.length)
      throw new ValidationError(
        'input.attended',
        'MEMBER_OF_COMMISSION',
        `not members of this commission: ${unknown.join(', ')}`,
      );
    this.attended = this.members.filter((m) => attendedNames.includes(m.name));
    if (!this.attended.some((m) => m.role === 'CHAIR'))
      throw new ValidationError('input.attended', 'CHAIR_PRESENT', 'the minutes need the chair present');
    this.status = 'HELD';
    this.heldAt = now;
    this.minutes = renderMinutes(this);
  }

  undecided(): AgendaItem[] {
    return this.agenda.filter((a) => !this.decisions.some((d) => d.programmeId === a.programmeId));
  }

  unconcluded(): EvaluationAgendaItem[] {
    return this.evaluationAgenda.filter((a) => !this.conclusions.some((d) => d.contractId === a.contractId));
  }
}

const DECISION_TEXT: Record<CommissionDecisionKind, string> = {
  APPROVE: 'программу социальной адаптации одобрить',
  RETURN_FOR_REWORK: 'программу вернуть на доработку',
  REFUSE: 'в заключении социального контракта отказать',
};

/** Протокол заседания МВК: attendance and one line per decision. */
export function renderMinutes(m: CommissionMeeting): string {
  const lines = [
    `ПРОТОКОЛ заседания межведомственной комиссии от ${m.meetingDate}${m.place ? `, ${m.place}` : ''}`,
    'Присутствовали:',
    ...m.attended.map((a) => `  ${a.name}${a.position ? `, ${a.position}` : ''} (${a.agency}, ${a.role})`),
    'Рассмотрено и решено:',
    ...m.decisions.map(
      (d, i) =>
        `  ${i + 1}. Заявление ${d.applicationId}: ${DECISION_TEXT[d.decision]}${d.reasons ? `. Основания: ${d.reasons}` : ''}.`,
    ),
  ];
  if (m.conclusions.length)
    lines.push(
      'Заключения об эффективности социальных контрактов:',
      ...m.conclusions.map((c, i) => `  ${i + 1}. ${conclusionLine(c)}`),
    );
  const postponed = [
    ...m.undecided().map((p) => `  заявление ${p.applicationId}`),
    ...m.unconcluded().map((c) => `  социальный контракт ${c.contractNumber}`),
  ];
  if (postponed.length) lines.push('Перенесено на следующее заседание:', ...postponed);
  return lines.join('\n');
}

const verdict = (effective: boolean): string => (effective ? 'эффективен' : 'неэффективен');

function conclusionLine(c: EffectivenessConclusion): string {
  const departed = c.effective !== c.computedEffective;
  return (
    `Социальный контракт ${c.contractNumber}: признан ${c.effective ? 'эффективным' : 'неэффективным'}` +
    (departed
      ? ` (по расчёту — ${verdict(c.computedEffective)}; комиссия отступила от расчёта: ${c.departureReason}).`
      : ' (в соответствии с расчётом).')
  );
}
