import {
  addDays,
  addMonths,
  ConflictError,
  parseIsoDate,
  transition,
  uuidv7,
  ValidationError,
  type IsoDate,
  type TransitionTable,
} from '@sc/kernel';

/** Индивидуальная профилактическая работа (120-ФЗ, DOMAIN.md §4.7; seed 001 stages 1–5). */
export type PreventionStatus =
  | 'SIGNAL_RECEIVED'
  | 'CHECKED'
  | 'CLOSED_NO_GROUNDS'
  | 'REGISTERED'
  | 'PROGRAMME_APPROVED'
  | 'IN_EXECUTION'
  | 'UNDER_REVIEW'
  | 'EXTENDED'
  | 'DEREGISTERED';
type PreventionEvent =
  'check' | 'noGrounds' | 'register' | 'approveProgramme' | 'execute' | 'review' | 'extend' | 'deregister';

const TRANSITIONS: TransitionTable<PreventionStatus, PreventionEvent> = {
  SIGNAL_RECEIVED: { check: 'CHECKED' },
  CHECKED: { noGrounds: 'CLOSED_NO_GROUNDS', register: 'REGISTERED' },
  REGISTERED: { approveProgramme: 'PROGRAMME_APPROVED' },
  PROGRAMME_APPROVED: { execute: 'IN_EXECUTION' },
  IN_EXECUTION: { review: 'UNDER_REVIEW' },
  UNDER_REVIEW: { extend: 'EXTENDED', deregister: 'DEREGISTERED' },
  EXTENDED: { execute: 'IN_EXECUTION' },
};

/** Состоит на учёте (СОП): registered by the prevention body and not yet deregistered. */
export const ON_REGISTER: readonly PreventionStatus[] = [
  'REGISTERED',
  'PROGRAMME_APPROVED',
  'IN_EXECUTION',
  'UNDER_REVIEW',
  'EXTENDED',
];

export type SignalSource =
  'SCHOOL' | 'KINDERGARTEN' | 'POLICE' | 'MEDICAL' | 'SOCIAL_SERVICE' | 'GUARDIANSHIP' | 'OTHER_AGENCY';
export type DeregistrationGround = 'CAUSES_REMOVED' | 'CHILD_TURNED_18' | 'OTHER_LEGAL_GROUND';

/** Резолюция КДН и ЗП (or another prevention body's decision). */
export interface Resolution {
  number: string;
  date: IsoDate;
  body: string;
}

export interface PreventionMeasure {
  id: string;
  description: string;
  responsibleAgency: string;
  dueDate: IsoDate;
  status: 'PLANNED' | 'DONE' | 'NOT_DONE';
  report?: string | null;
}

/** Each stage's date and responsible party. */
export interface StageEntry {
  status: PreventionStatus;
  on: IsoDate;
  responsible: string;
  note?: string | null;
}

/** Профилактический случай: a minor or family at risk (СОП). The most sensitive data in the system. */
export class PreventionCase {
  id!: string;
  /** the child or the family's adult the case is kept under */
  citizenId!: string;
  /** ОКТМО района (городского округа), чей КЦСОН ведёт дело. */
  territory!: string;
  subject!: 'MINOR' | 'FAMILY';
  source!: SignalSource;
  sourceDetails!: string;
  facts!: string;
  address?: string | null;
  status!: PreventionStatus;
  signalOn!: IsoDate;
  checkDue!: IsoDate;
  checkFindings?: string | null;
  registration?: Resolution | null;
  curator?: string | null;
  measures: PreventionMeasure[] = [];
  nextReviewDue?: IsoDate | null;
  administrativeMeasures!: boolean;
  deregistration?: (Resolution & { ground: DeregistrationGround }) | null;
  history: StageEntry[] = [];
  openedBy!: string;
  /** Ответственный специалист (token subject): the one who opened the case until a HEAD reassigns it. */
  assignedTo?: string | null;
  version: number = 1;

  private go(e: PreventionEvent, on: IsoDate, responsible: string, note?: string | null): void {
    this.status = transition('PreventionCase', TRANSITIONS, this.status, e);
    this.history.push({ status: this.status, on, responsible, note: note ?? null });
  }

  static receiveSignal(a: {
    citizenId: string;
    territory: string;
    subject: 'MINOR' | 'FAMILY';
    source: SignalSource;
    sourceDetails: string;
    facts: string;
    address?: string | null;
    signalOn: IsoDate;
    checkDays: number;
    today: IsoDate;
    by: string;
    now: Date;
  }): PreventionCase {
    if (!a.facts.trim()) throw new ValidationError('input.facts', 'REQUIRED', 'state the facts reported');
    parseIsoDate(a.signalOn, 'input.signalOn');
    if (a.signalOn > a.today) throw new ValidationError('input.signalOn', 'NOT_IN_FUTURE', 'cannot be in the future');
    const c = Object.assign(new PreventionCase(), {
      id: uuidv7(a.now.getTime()),
      citizenId: a.citizenId,
      territory: a.territory,
      subject: a.subject,
      source: a.source,
      sourceDetails: a.sourceDetails.trim(),
      facts: a.facts.trim(),
      address: a.address?.trim() || null,
      status: 'SIGNAL_RECEIVED' as const,
      signalOn: a.signalOn,
      checkDue: addDays(a.signalOn, a.checkDays),
      measures: [],
      administrativeMeasures: false,
      history: [
        {
          status: 'SIGNAL_RECEIVED' as const,
          on: a.signalOn,
          responsible: a.sourceDetails.trim() || a.source,
          note: null,
        },
      ],
      openedBy: a.by,
      assignedTo: a.by,
    });
    return c;
  }

  /** Проверка сигнала с выходом в адрес (МВД, ЦСОН). */
  recordCheck(a: { on: IsoDate; findings: string; confirmed: boolean; by: string; today: IsoDate }): void {
    if (!a.findings.trim()) throw new ValidationError('input.findings', 'REQUIRED', 'record what the visit found');
    this.dated(a.on, a.today, this.signalOn);
    this.go('check', a.on, a.by, a.findings);
    this.checkFindings = a.findings.trim();
    if (!a.confirmed) this.go('noGrounds', a.on, a.by);
  }

  /** Этап 1: постановка на учёт по постановлению КДН. */
  register(r: Resolution, curator: string, today: IsoDate): void {
    this.resolution(r, today);
    if (!curator.trim()) throw new ValidationError('input.curator', 'REQUIRED', 'name the curator');
    this.go('register', r.date, r.body);
    this.registration = r;
    this.curator = curator.trim();
  }

  /** Этап 2: программа реабилитации утверждена; этап 3: исполнение. */
  approveProgramme(
    measures: Omit<PreventionMeasure, 'id' | 'status'>[],
    approvedOn: IsoDate,
    body: string,
    reviewMonths: number,
    today: IsoDate,
    now: Date,
  ): void {
    if (measures.length === 0)
      throw new ValidationError('input.measures', 'REQUIRED', 'the programme lists its measures');
    this.dated(approvedOn, today, this.registration?.date ?? this.signalOn);
    measures.forEach((m, i) => {
      parseIsoDate(m.dueDate, `input.measures[${i}].dueDate`);
      if (m.dueDate < approvedOn)
        throw new ValidationError(
          `input.measures[${i}].dueDate`,
          'DATE_ORDER',
          'a measure cannot be due before the programme is approved',
        );
      if (!m.responsibleAgency.trim())
        throw new ValidationError(`input.measures[${i}].responsibleAgency`, 'REQUIRED', 'name the responsible agency');
    });
    this.go('approveProgramme', approvedOn, body);
    this.measures = measures.map((m) => ({
      id: uuidv7(now.getTime()),
      description: m.description.trim(),
      responsibleAgency: m.responsibleAgency.trim(),
      dueDate: m.dueDate,
      status: 'PLANNED',
      report: null,
    }));
    this.go('execute', approvedOn, this.curator ?? body);
    this.nextReviewDue = addMonths(approvedOn, reviewMonths);
  }

  reportMeasure(id: string, done: boolean, report: string): PreventionMeasure {
    const m = this.measures.find((x) => x.id === id);
    if (!m) throw new ValidationError('input.measureId', 'MUST_EXIST', 'not a measure of this case');
    if (this.status !== 'IN_EXECUTION')
      throw new ConflictError('NOT_IN_EXECUTION', `PreventionCase in state ${this.status} cannot report a measure`, {
        rule: 'STATE_MACHINE',
        currentState: this.status,
        attemptedAction: 'reportMeasure',
      });
    if (!report.trim()) throw new ValidationError('input.report', 'REQUIRED', 'report on the measure');
    m.status = done ? 'DONE' : 'NOT_DONE';
    m.report = report.trim();
    return m;
  }

  /** Этап 4: контроль и анализ. */
  review(on: IsoDate, by: string, analysis: string, today: IsoDate): void {
    this.dated(on, today, this.signalOn);
    if (!analysis.trim()) throw new ValidationError('input.analysis', 'REQUIRED', 'record the analysis');
    this.go('review', on, by, analysis);
  }

  /** Этап 5: продлить — only on a recorded decision. */
  extend(r: Resolution, reviewMonths: number, today: IsoDate): void {
    this.resolution(r, today);
    this.go('extend', r.date, r.body);
    this.go('execute', r.date, this.curator ?? r.body);
    this.nextReviewDue = addMonths(r.date, reviewMonths);
  }

  /** Этап 5: снять с учёта — never without a recorded decision (resolution number, date, body, ground). */
  deregister(r: Partial<Resolution> & { ground?: DeregistrationGround | null }, today: IsoDate): void {
    if (this.status !== 'UNDER_REVIEW') this.go('deregister', today, '-'); // the CONFLICT names the state
    if (!r.number?.trim() || !r.date || !r.body?.trim() || !r.ground) {
      throw new ValidationError(
        'input.resolution',
        'DECISION_REQUIRED',
        'a case is deregistered only on a recorded decision: resolution number, date, body and ground',
      );
    }
    this.resolution(r as Resolution, today);
    this.go('deregister', r.date, r.body);
    this.deregistration = { number: r.number.trim(), date: r.date, body: r.body.trim(), ground: r.ground };
  }

  flagAdministrativeMeasures(on: boolean): void {
    this.administrativeMeasures = on;
  }

  private resolution(r: Resolution, today: IsoDate): void {
    if (!r.number?.trim()) throw new ValidationError('input.resolution.number', 'REQUIRED', 'the resolution number');
    if (!r.body?.trim())
      throw new ValidationError('input.resolution.body', 'REQUIRED', 'the body that decided (КДН и ЗП)');
    this.dated(r.date, today, this.signalOn, 'input.resolution.date');
  }

  private dated(on: IsoDate, today: IsoDate, notBefore: IsoDate, field = 'input.on'): void {
    parseIsoDate(on, field);
    if (on > today) throw new ValidationError(field, 'NOT_IN_FUTURE', 'cannot be in the future');
    if (on < notBefore) throw new ValidationError(field, 'DATE_ORDER', `cannot precede ${notBefore}`);
  }

  /** Проверка сигнала is late: no check recorded by its due date (120-ФЗ). */
  isCheckOverdue(today: IsoDate): boolean {
    return this.status === 'SIGNAL_RECEIVED' && this.checkDue < today;
  }
}
