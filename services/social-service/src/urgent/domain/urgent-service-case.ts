import {
  ConflictError,
  dateOf,
  parseIsoDate,
  transition,
  uuidv7,
  ValidationError,
  type IsoDate,
  type TransitionTable,
} from '@sc/kernel';
import type { UrgentServiceType } from './urgent-service-type';

/** Статус случая срочного социального обслуживания (DOMAIN.md §4.5). */
export type UrgentCaseStatus =
  'REQUESTED' | 'NEED_DECIDED' | 'REFUSED' | 'PROVIDED' | 'ACT_SIGNED' | 'ACT_UNSIGNED' | 'CLOSED';
type UrgentEvent = 'decide' | 'refuse' | 'deliver' | 'sign' | 'closeUnsigned' | 'close';

const TRANSITIONS: TransitionTable<UrgentCaseStatus, UrgentEvent> = {
  REQUESTED: { decide: 'NEED_DECIDED', refuse: 'REFUSED' },
  NEED_DECIDED: { deliver: 'PROVIDED' },
  PROVIDED: { deliver: 'PROVIDED', sign: 'ACT_SIGNED', closeUnsigned: 'ACT_UNSIGNED' },
  ACT_SIGNED: { close: 'CLOSED' },
  ACT_UNSIGNED: { close: 'CLOSED' },
};

/** How the need came to КЦСОН (Mintrud order 1н): a written application, a phone call, a notice from an organisation (M12). */
export type UrgentChannel = 'WRITTEN_APPLICATION' | 'PHONE_CALL' | 'ORGANISATION_NOTICE' | 'SOCIAL_PROTECTION_REQUEST';

export interface UrgentDelivery {
  serviceCode: string;
  serviceName: string;
  quantity: number;
  unit: string;
  deliveredOn: IsoDate;
  deliveredBy: string;
}

/** Случай срочного социального обслуживания: no ИППСУ and no contract needed; the decision is immediate. */
/** The case's act as closing without a signature needs it (the act's module depends on this one, not back). */
export interface UnsignedActTarget {
  id: string;
  caseId: string;
  number: string;
  markUnsigned(reason: string): void;
}

export class UrgentServiceCase {
  id!: string;
  /** null only for anonymous phone help */
  citizenId?: string | null;
  /** ОКТМО района (городского округа), чей КЦСОН ведёт дело. */
  territory!: string;
  anonymous!: boolean;
  channel!: UrgentChannel;
  /** the organisation that noticed the need (M12), or the contract for ЦСПН's request (M5) */
  notifiedBy?: string | null;
  contractId?: string | null;
  /** how identity was established, e.g. «паспорт 2515 123456» */
  identityDocument?: string | null;
  circumstances!: string;
  status!: UrgentCaseStatus;
  requestedAt!: Date;
  decidedAt?: Date | null;
  refusalReason?: string | null;
  deliveries: UrgentDelivery[] = [];
  actId?: string | null;
  unsignedReason?: string | null;
  /** a further need found while serving: what it opened */
  followUp?: { kind: 'ACCOMPANIMENT' | 'PREVENTION_SIGNAL'; caseId: string } | null;
  createdBy!: string;
  /** Ответственный специалист (token subject): the one who opened the case until a HEAD reassigns it. */
  assignedTo?: string | null;
  version: number = 1;

  private go(e: UrgentEvent): void {
    this.status = transition('UrgentServiceCase', TRANSITIONS, this.status, e);
  }

  /**
   * No urgent service without an established identity, except anonymous help
   * by phone (телефон доверия).
   */
  static request(a: {
    citizenId?: string | null;
    territory: string;
    anonymous: boolean;
    channel: UrgentChannel;
    notifiedBy?: string | null;
    contractId?: string | null;
    identityDocument?: string | null;
    circumstances: string;
    by: string;
    now: Date;
  }): UrgentServiceCase {
    if (!a.circumstances.trim())
      throw new ValidationError('input.circumstances', 'REQUIRED', 'describe the circumstances');
    if (a.anonymous) {
      if (a.channel !== 'PHONE_CALL')
        throw new ValidationError(
          'input.anonymous',
          'ANONYMOUS_BY_PHONE_ONLY',
          'only help by phone may be anonymous; otherwise the recipient’s identity must be established',
        );
      if (a.citizenId)
        throw new ValidationError('input.anonymous', 'ANONYMOUS_WITHOUT_PERSON', 'an anonymous request names nobody');
    } else {
      if (!a.citizenId)
        throw new ValidationError('input.citizen', 'IDENTITY_REQUIRED', 'the recipient’s identity must be established');
      if (!a.identityDocument?.trim())
        throw new ValidationError(
          'input.identityDocument',
          'IDENTITY_REQUIRED',
          'record the document that established the recipient’s identity',
        );
    }
    if (a.channel === 'ORGANISATION_NOTICE' && !a.notifiedBy?.trim())
      throw new ValidationError('input.notifiedBy', 'REQUIRED', 'name the organisation that reported the need');
    return Object.assign(new UrgentServiceCase(), {
      id: uuidv7(a.now.getTime()),
      citizenId: a.citizenId ?? null,
      territory: a.territory,
      anonymous: a.anonymous,
      channel: a.channel,
      notifiedBy: a.notifiedBy?.trim() || null,
      contractId: a.contractId ?? null,
      identityDocument: a.identityDocument?.trim() || null,
      circumstances: a.circumstances.trim(),
      status: 'REQUESTED' as const,
      requestedAt: a.now,
      deliveries: [],
      createdBy: a.by,
      assignedTo: a.by,
    });
  }

  decide(approve: boolean, reason: string | null | undefined, now: Date): void {
    if (!approve && !reason?.trim())
      throw new ValidationError('input.reason', 'REASONS_REQUIRED', 'a refusal states its reason');
    this.go(approve ? 'decide' : 'refuse');
    this.decidedAt = now;
    this.refusalReason = approve ? null : reason!.trim();
  }

  deliver(
    type: UrgentServiceType | undefined,
    code: string,
    quantity: number,
    deliveredOn: IsoDate,
    today: IsoDate,
    by: string,
  ): UrgentDelivery {
    if (!type || !type.active)
      throw new ValidationError(
        'input.serviceCode',
        'UNKNOWN_SERVICE_CODE',
        `${code} is not in the catalogue of urgent services`,
      );
    if (this.anonymous && !type.anonymousAllowed)
      throw new ValidationError(
        'input.serviceCode',
        'IDENTITY_REQUIRED',
        `${code} is not given anonymously; establish the recipient’s identity`,
      );
    if (!(quantity > 0) || quantity > 1000)
      throw new ValidationError('input.quantity', 'QUANTITY_RANGE', 'the volume must be positive (and plausible)');
    parseIsoDate(deliveredOn, 'input.deliveredOn');
    if (deliveredOn > today) throw new ValidationError('input.deliveredOn', 'NOT_IN_FUTURE', 'cannot be in the future');
    if (deliveredOn < dateOf(this.requestedAt))
      throw new ValidationError('input.deliveredOn', 'DATE_ORDER', 'cannot precede the request');
    if (this.actId)
      throw new ConflictError('ACT_ISSUED', 'the act of provision has been drawn up; it cannot change', {
        rule: 'ACT_IMMUTABLE',
      });
    this.go('deliver');
    const d: UrgentDelivery = {
      serviceCode: type.code,
      serviceName: type.name,
      quantity,
      unit: type.unit,
      deliveredOn,
      deliveredBy: by,
    };
    this.deliveries.push(d);
    return d;
  }

  attachAct(actId: string): void {
    if (this.status !== 'PROVIDED')
      throw new ConflictError('NOTHING_PROVIDED', `UrgentServiceCase in state ${this.status} cannot draw up an act`, {
        rule: 'STATE_MACHINE',
        currentState: this.status,
        attemptedAction: 'issueAct',
      });
    if (this.actId) throw new ConflictError('ACT_ISSUED', 'the act was already drawn up', { rule: 'ONE_ACT' });
    this.actId = actId;
  }

  signed(): void {
    this.go('sign');
  }

  /**
   * Anonymous or phone help may close without the recipient's signature, with
   * the reason; help given in person may not. Checked before an act is drawn
   * up for it, so a refused call takes no act number. Returns the reason.
   */
  checkUnsignedClosure(reason: string): string {
    if (!this.anonymous && this.channel !== 'PHONE_CALL')
      throw new ConflictError('SIGNATURE_REQUIRED', 'help given in person is confirmed by the recipient’s signature', {
        rule: 'ACT_SIGNED_BY_RECIPIENT',
      });
    if (!reason.trim()) throw new ValidationError('input.reason', 'REQUIRED', 'say why the act is unsigned');
    transition('UrgentServiceCase', TRANSITIONS, this.status, 'closeUnsigned');
    return reason.trim();
  }

  /** Closes without a signature on the case's own act, which records the reason: never without an act. */
  closeUnsigned(reason: string, act: UnsignedActTarget): void {
    const why = this.checkUnsignedClosure(reason);
    if (act.caseId !== this.id || act.id !== this.actId)
      throw new ConflictError('ACT_OF_ANOTHER_CASE', `act ${act.number} is not this case's act`, { rule: 'ONE_ACT' });
    act.markUnsigned(why);
    this.go('closeUnsigned');
    this.unsignedReason = why;
  }

  close(): void {
    this.go('close');
  }

  /**
   * A further need found while serving may open one accompaniment case or
   * one prevention signal, once the help is given, for a known person.
   * Returns that person.
   */
  followUpCitizen(): string {
    if (!['ACT_SIGNED', 'ACT_UNSIGNED', 'CLOSED'].includes(this.status))
      throw new ConflictError('NOT_SERVED', `UrgentServiceCase in state ${this.status} has not been served yet`, {
        rule: 'STATE_MACHINE',
        currentState: this.status,
        attemptedAction: 'openFollowUp',
      });
    if (this.followUp)
      throw new ConflictError('FOLLOW_UP_OPEN', `a ${this.followUp.kind} was already opened from this case`, {
        rule: 'ONE_FOLLOW_UP',
      });
    if (!this.citizenId)
      throw new ValidationError(
        'input.caseId',
        'IDENTITY_REQUIRED',
        'an anonymous case cannot open a case for a person',
      );
    return this.citizenId;
  }
}
