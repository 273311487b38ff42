import {
  ConflictError,
  parseIsoDate,
  transition,
  uuidv7,
  ValidationError,
  type IsoDate,
  type TransitionTable,
} from '@sc/kernel';

export type TrainingStatus = 'REFERRED' | 'STARTED' | 'COMPLETED' | 'DROPPED_OUT';
type TrainingEvent = 'start' | 'complete' | 'drop';

const TRANSITIONS: TransitionTable<TrainingStatus, TrainingEvent> = {
  REFERRED: { start: 'STARTED', drop: 'DROPPED_OUT' },
  STARTED: { complete: 'COMPLETED', drop: 'DROPPED_OUT' },
};

/** Направление на профессиональное обучение / ДПО. */
export class TrainingReferral {
  id!: string;
  citizenId!: string;
  /** ОКТМО района (городского округа), чей ЦЗН ведёт дело. */
  territory!: string;
  registrationId!: string;
  /** the social contract whose training cap applies, when the citizen holds one */
  contractId?: string | null;
  psaActivityId?: string | null;
  programme!: string;
  provider!: string;
  startDate!: IsoDate;
  endDate!: IsoDate;
  costKopecks!: number;
  capKopecks?: number | null;
  status!: TrainingStatus;
  startedOn?: IsoDate | null;
  finishedOn?: IsoDate | null;
  certificate?: string | null;
  dropReason?: string | null;
  referredBy!: string;
  referredOn!: IsoDate;
  version: number = 1;

  /** Cost within the contract's training cap (M2); dates in order. */
  static refer(a: {
    citizenId: string;
    territory: string;
    registrationId: string;
    contractId?: string | null;
    psaActivityId?: string | null;
    programme: string;
    provider: string;
    startDate: IsoDate;
    endDate: IsoDate;
    costKopecks: number;
    capKopecks?: number | null;
    today: IsoDate;
    by: string;
    now: Date;
  }): TrainingReferral {
    if (!a.programme.trim()) throw new ValidationError('input.programme', 'REQUIRED', 'name the programme');
    if (!a.provider.trim()) throw new ValidationError('input.provider', 'REQUIRED', 'name the provider');
    parseIsoDate(a.startDate, 'input.startDate');
    parseIsoDate(a.endDate, 'input.endDate');
    if (a.endDate < a.startDate)
      throw new ValidationError('input.endDate', 'DATE_ORDER', 'the training cannot end before it starts');
    if (!Number.isInteger(a.costKopecks) || a.costKopecks < 0)
      throw new ValidationError('input.costKopecks', 'AMOUNT_RANGE', 'must be a whole, non-negative number of kopecks');
    if (a.capKopecks !== null && a.capKopecks !== undefined && a.costKopecks > a.capKopecks) {
      throw new ValidationError(
        'input.costKopecks',
        'TRAINING_CAP',
        `the social contract pays for training up to ${a.capKopecks} kopecks`,
        { cap: a.capKopecks },
      );
    }
    return Object.assign(new TrainingReferral(), {
      id: uuidv7(a.now.getTime()),
      citizenId: a.citizenId,
      territory: a.territory,
      registrationId: a.registrationId,
      contractId: a.contractId ?? null,
      psaActivityId: a.psaActivityId ?? null,
      programme: a.programme.trim(),
      provider: a.provider.trim(),
      startDate: a.startDate,
      endDate: a.endDate,
      costKopecks: a.costKopecks,
      capKopecks: a.capKopecks ?? null,
      status: 'REFERRED' as const,
      referredBy: a.by,
      referredOn: a.today,
    });
  }

  move(
    event: TrainingEvent,
    on: IsoDate,
    today: IsoDate,
    detail: { certificate?: string | null; reason?: string | null },
  ): void {
    parseIsoDate(on, 'input.on');
    if (on > today) throw new ValidationError('input.on', 'NOT_IN_FUTURE', 'cannot be in the future');
    if (event === 'complete' && !detail.certificate?.trim())
      throw new ValidationError(
        'input.certificate',
        'REQUIRED',
        'a completed training has a certificate (document number)',
      );
    if (event === 'drop' && !detail.reason?.trim())
      throw new ValidationError('input.reason', 'REQUIRED', 'state why the citizen dropped out');
    if (event !== 'start' && this.startedOn && on < this.startedOn)
      throw new ValidationError('input.on', 'DATE_ORDER', `the training started on ${this.startedOn}`);
    if (this.status === 'COMPLETED' || this.status === 'DROPPED_OUT')
      throw new ConflictError('TRAINING_FINISHED', `TrainingReferral in state ${this.status} cannot ${event}`, {
        rule: 'STATE_MACHINE',
        currentState: this.status,
        attemptedAction: event,
      });
    this.status = transition('TrainingReferral', TRANSITIONS, this.status, event);
    if (event === 'start') this.startedOn = on;
    else this.finishedOn = on;
    if (event === 'complete') this.certificate = detail.certificate!.trim();
    if (event === 'drop') this.dropReason = detail.reason!.trim();
  }
}
