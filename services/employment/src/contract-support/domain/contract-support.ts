import { RUNNING_CONTRACT_STATUSES, type contractConcludedForEmploymentV1, type MessageData } from '@sc/contracts';
import { ConflictError, dateOf, parseIsoDate, ValidationError, type IsoDate } from '@sc/kernel';

/** Услуги ЦЗН после заключения контракта (seed 000): профориентация, социальная адаптация, психологическая поддержка. */
export const CONTRACT_SERVICES = ['CAREER_GUIDANCE', 'SOCIAL_ADAPTATION', 'PSYCHOLOGICAL_SUPPORT'] as const;
export type ContractServiceKind = (typeof CONTRACT_SERVICES)[number];

export interface ContractService {
  kind: ContractServiceKind;
  status: 'OPEN' | 'DELIVERED';
  deliveredOn?: IsoDate | null;
  specialist?: string | null;
  notes?: string | null;
}

export type ConcludedForEmployment = MessageData<typeof contractConcludedForEmploymentV1>;
export type AssignedActivity = ConcludedForEmployment['activities'][number];

/**
 * Сопровождение контрактника в ЦЗН, opened by ЦСПН's M2: the category, the
 * petition for the full package of services, the services opened, and the
 * ПСА activities ЦЗН answers for. Its id is the contract id, so a repeated
 * M2 opens nothing twice.
 */
export class ContractSupport {
  id!: string;
  citizenId!: string;
  /** ОКТМО района (городского округа), чей ЦЗН ведёт дело. */
  territory!: string;
  contractNumber!: string;
  direction!: string;
  startDate!: IsoDate;
  endDate!: IsoDate;
  contractStatus!: string;
  category!: string;
  fullPackageRequested!: boolean;
  petitionAcceptedOn?: IsoDate | null;
  trainingNeeded!: boolean;
  trainingCapKopecks!: number;
  activities: AssignedActivity[] = [];
  services: ContractService[] = [];
  receivedAt!: Date;
  version: number = 1;

  static open(
    m: ConcludedForEmployment,
    holder: { citizenId: string; territory: string },
    category: string,
    today: IsoDate,
    now: Date,
  ): ContractSupport {
    return Object.assign(new ContractSupport(), {
      id: m.contractId,
      ...holder,
      contractNumber: m.contractNumber,
      direction: m.direction,
      startDate: m.startDate,
      endDate: m.endDate,
      contractStatus: 'SIGNED',
      category,
      fullPackageRequested: m.fullPackageRequested,
      // The petition for the full package is accepted on receipt: the services are opened at once.
      petitionAcceptedOn: m.fullPackageRequested ? today : null,
      trainingNeeded: m.trainingNeeded,
      trainingCapKopecks: m.trainingCapKopecks,
      activities: m.activities,
      services: m.fullPackageRequested ? CONTRACT_SERVICES.map((kind) => ({ kind, status: 'OPEN' as const })) : [],
      receivedAt: now,
    });
  }

  isOpen(): boolean {
    return (RUNNING_CONTRACT_STATUSES as readonly string[]).includes(this.contractStatus);
  }

  /** The activity of that kind ЦСПН assigned to ЦЗН, if any (reported against in M3). */
  activityFor(kind: string): AssignedActivity | undefined {
    return this.activities.find((a) => a.kind === kind);
  }

  deliverService(
    kind: ContractServiceKind,
    on: IsoDate,
    today: IsoDate,
    specialist: string,
    notes: string | null | undefined,
  ): ContractService {
    const s = this.services.find((x) => x.kind === kind);
    if (!s)
      throw new ValidationError(
        'input.kind',
        'SERVICE_OPENED',
        `${kind} was not requested for contract ${this.contractNumber}`,
      );
    if (s.status === 'DELIVERED')
      throw new ConflictError('SERVICE_DELIVERED', `${kind} was delivered on ${s.deliveredOn}`, { rule: 'ONCE' });
    parseIsoDate(on, 'input.deliveredOn');
    if (on > today) throw new ValidationError('input.deliveredOn', 'NOT_IN_FUTURE', 'cannot be in the future');
    if (on < this.startDate && on < dateOf(this.receivedAt))
      throw new ValidationError('input.deliveredOn', 'DATE_ORDER', 'cannot precede the contract');
    Object.assign(s, { status: 'DELIVERED', deliveredOn: on, specialist, notes: notes?.trim() || null });
    return s;
  }
}
