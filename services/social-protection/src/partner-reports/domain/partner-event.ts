import type { employmentServiceEventV1, MessageData, socialServicesDeliveredV1 } from '@sc/contracts';
import { dateOf, ValidationError, type IsoDate } from '@sc/kernel';
import type { SocialContract } from '../../contracts/domain/social-contract';
import {
  confirmByPartner,
  isActivityOpen,
  startByPartner,
  type PsaActivity,
  type PsaActivityKind,
} from '../../programmes/domain/psa-activity';

export type EmploymentEvent = MessageData<typeof employmentServiceEventV1>;
export type ServicesDelivered = MessageData<typeof socialServicesDeliveredV1>;

/** A partner's report as ЦСПН keeps it: the evidence behind activity updates and the monthly report's pre-fill. */
export class PartnerEvent {
  id!: string;
  citizenId!: string;
  contractId?: string | null;
  agency!: 'EMPLOYMENT' | 'SOCIAL_SERVICE';
  kind!: string;
  occurredOn!: IsoDate;
  activityId?: string | null;
  description!: string;
  /** what it changed at ЦСПН, e.g. "activity DONE", "payments released" */
  effect?: string | null;
  payload!: Record<string, unknown>;
  receivedAt!: Date;
}

type Action = 'start' | 'confirm' | 'none';

/** M3 event → the ПСА activity kind it speaks of and what it does to it. */
function employmentEffect(e: EmploymentEvent): { kind?: PsaActivityKind; action: Action; text: string } {
  switch (e.kind) {
    case 'REGISTERED':
      return {
        kind: 'JOB_SEEKER_REGISTRATION',
        action: 'confirm',
        text: `зарегистрирован в ЦЗН (${e.registrationStatus === 'UNEMPLOYED' ? 'безработный' : 'ищущий работу'})`,
      };
    case 'PLAN_APPROVED':
      return { action: 'none', text: 'утверждён индивидуальный план содействия занятости' };
    case 'SERVICE_DELIVERED':
      return { kind: e.service, action: 'confirm', text: `ЦЗН оказал услугу: ${e.service}` };
    case 'TRAINING_REFERRED':
      return { kind: 'VOCATIONAL_TRAINING', action: 'none', text: `направлен на обучение: ${e.training.programme}` };
    case 'TRAINING_STARTED':
      return { kind: 'VOCATIONAL_TRAINING', action: 'start', text: `приступил к обучению: ${e.training.programme}` };
    case 'TRAINING_COMPLETED':
      return {
        kind: 'VOCATIONAL_TRAINING',
        action: 'confirm',
        text: `обучение завершено: ${e.training.programme}${e.training.certificate ? `, ${e.training.certificate}` : ''}`,
      };
    case 'TRAINING_DROPPED':
      return {
        kind: 'VOCATIONAL_TRAINING',
        action: 'none',
        text: `обучение прекращено: ${e.training.programme}${e.training.reason ? ` (${e.training.reason})` : ''}`,
      };
    case 'EMPLOYED':
      return {
        kind: 'EMPLOYMENT',
        action: 'confirm',
        text: `трудоустроен: ${e.employment.position}, договор от ${e.employment.contractDate}`,
      };
    case 'DEREGISTERED':
      return { action: 'none', text: `снят с учёта в ЦЗН: ${e.reason}` };
  }
}

/** The activity a report speaks of: by id when the partner sent it, else the earliest open one of that kind. */
function findActivity(
  c: SocialContract,
  id: string | undefined,
  kind: PsaActivityKind | undefined,
  agency: string,
  field: string,
): PsaActivity | undefined {
  if (id) {
    const a = c.activities.find((x) => x.id === id);
    if (!a) throw new ValidationError(field, 'ACTIVITY_OF_CONTRACT', `activity ${id} is not in contract ${c.number}`);
    return a;
  }
  if (!kind) return undefined;
  const open = c.activities
    .filter((x) => x.kind === kind && isActivityOpen(x))
    .sort((x, y) => x.dueDate.localeCompare(y.dueDate));
  return open.find((x) => x.responsibleAgency === agency) ?? open[0];
}

function act(a: PsaActivity | undefined, action: Action, on: IsoDate, by: string, text: string): string | null {
  if (!a || action === 'none') return null;
  const changed = action === 'start' ? startByPartner(a, on, by, text) : confirmByPartner(a, on, by, text);
  return changed ? `activity ${a.kind} → ${a.status}` : null;
}

/**
 * Applies an M3 event to the citizen's contract (when there is one): the
 * matching activity moves, and a confirmed employment releases the
 * JOB_SEARCH payments. Returns the event as recorded.
 */
export function applyEmploymentEvent(
  e: EmploymentEvent,
  contract: SocialContract | null,
  receivedAt: Date,
): PartnerEvent {
  const eff = employmentEffect(e);
  const effects: string[] = [];
  let activityId: string | null = null;
  if (contract) {
    const a = findActivity(contract, e.psaActivityId, eff.kind, 'EMPLOYMENT', 'psaActivityId');
    activityId = a?.id ?? null;
    const r = act(a, eff.action, e.occurredOn, 'system:employment', eff.text);
    if (r) effects.push(r);
    if (
      e.kind === 'EMPLOYED' &&
      contract.confirmEmployment({
        confirmedOn: e.occurredOn,
        employerInn: e.employment.employerInn,
        employerName: e.employment.employerName ?? null,
        position: e.employment.position,
        wageKopecks: e.employment.wageKopecks,
        contractDate: e.employment.contractDate,
      })
    ) {
      effects.push('employment confirmed; payments released');
    }
  }
  return Object.assign(new PartnerEvent(), {
    id: e.eventId,
    citizenId: e.citizenId,
    contractId: contract?.id ?? null,
    agency: 'EMPLOYMENT' as const,
    kind: e.kind,
    occurredOn: e.occurredOn,
    activityId,
    description: `ЦЗН: ${eff.text}`,
    effect: effects.join('; ') || null,
    payload: e as unknown as Record<string, unknown>,
    receivedAt,
  });
}

/** Applies an M6 report: one recorded event per service line, each moving its activity. */
export function applyServicesDelivered(
  r: ServicesDelivered,
  contract: SocialContract,
  receivedAt: Date,
): PartnerEvent[] {
  return r.services.map((s, i) => {
    const a = findActivity(contract, s.psaActivityId, s.activityKind, 'SOCIAL_SERVICE', `services[${i}].psaActivityId`);
    const text = `КЦСОН: ${s.name ?? s.code}, ${s.volume}${s.unit ? ` ${s.unit}` : ''}${s.actId ? `, акт ${s.actId}` : ''}`;
    const effect = act(a, s.completesActivity ? 'confirm' : 'start', s.deliveredOn, 'system:social-service', text);
    return Object.assign(new PartnerEvent(), {
      id: `${r.reportId}:${i}`,
      citizenId: r.citizenId,
      contractId: contract.id,
      agency: 'SOCIAL_SERVICE' as const,
      kind: `SERVICE:${s.code}`,
      occurredOn: s.deliveredOn,
      activityId: a?.id ?? null,
      description: text,
      effect,
      payload: s as unknown as Record<string, unknown>,
      receivedAt,
    });
  });
}

export const receivedOn = (e: PartnerEvent): IsoDate => dateOf(e.receivedAt);
