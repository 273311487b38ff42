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
    if (a.agenda.length === 0)
      throw new ValidationError(
        'input',
        'AGENDA_EMPTY',
        'no programme is awaiting the commission: nothing to put on the agenda',
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
  const postponed = m.undecided();
  if (postponed.length)
    lines.push('Перенесено на следующее заседание:', ...postponed.map((p) => `  заявление ${p.applicationId}`));
  return lines.join('\n');
}
