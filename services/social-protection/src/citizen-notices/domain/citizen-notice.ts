import type { citizenNoticeV1, MessageData } from '@sc/contracts';
import { rubles } from '@sc/kernel';
import type { ScApplication } from '../../applications/domain/sc-application';
import type { TerminationGround } from '../../contracts/domain/contract-terms';
import type { SocialContract } from '../../contracts/domain/social-contract';

/** A notice to the citizen (M10) before it is dated and numbered. */
export type CitizenNotice = Omit<MessageData<typeof citizenNoticeV1>, 'noticeId' | 'issuedAt'>;

const GROUNDS: Record<TerminationGround, string> = {
  PSA_NOT_FULFILLED: 'невыполнение мероприятий программы социальной адаптации',
  FALSE_INFORMATION: 'представление недостоверных сведений',
  MISUSE_OF_FUNDS: 'нецелевое использование средств',
  OWN_REQUEST: 'ваше заявление',
  MOVED_OUT_OF_REGION: 'выезд за пределы региона',
  DEATH: 'смерть получателя',
  NO_SUCCESSOR: 'отсутствие правопреемника',
};

const ofApplication = (a: ScApplication) => ({
  citizenId: a.citizenId,
  caseType: 'ScApplication' as const,
  caseId: a.id,
  territory: a.territory,
});
const ofContract = (c: SocialContract) => ({
  citizenId: c.citizenId,
  caseType: 'SocialContract' as const,
  caseId: c.id,
  territory: c.territory,
});

/** The decision on the application (178-ФЗ): approval, or refusal with its reasons; null while undecided. */
export function applicationDecisionNotice(a: ScApplication): CitizenNotice | null {
  if (a.status === 'APPROVED')
    return {
      ...ofApplication(a),
      kind: 'APPLICATION_APPROVED',
      text: 'Комиссия одобрила программу социальной адаптации. Приглашаем заключить социальный контракт.',
    };
  if (a.status === 'REJECTED')
    return {
      ...ofApplication(a),
      kind: 'APPLICATION_REFUSED',
      text: `В назначении государственной социальной помощи на основании социального контракта отказано. Причина: ${a.rejectionReason ?? 'не указана'}.`,
      reasons: a.rejectionReason ?? undefined,
    };
  return null;
}

/** The contract concluded, with its payment schedule. */
export function contractConcludedNotice(c: SocialContract): CitizenNotice {
  return {
    ...ofContract(c),
    kind: 'CONTRACT_CONCLUDED',
    text: `Заключён социальный контракт № ${c.number} на срок с ${c.startDate} по ${c.endDate}. Выплат по графику: ${c.payments.length}.`,
    endDate: c.endDate,
    payments: c.payments.map((p) => ({
      no: p.no,
      purpose: p.purpose,
      dueDate: p.dueDate ?? null,
      amountKopecks: p.amountKopecks,
    })),
  };
}

/** What a change of the contract's status tells the citizen: an extension, a termination, a repayment demand. */
export function contractChangeNotice(c: SocialContract, before: string): CitizenNotice | null {
  if (c.status === before) return null;
  const ground = c.termination ? GROUNDS[c.termination.ground] : undefined;
  if (c.status === 'REPAYMENT_DUE' && c.repayment)
    return {
      ...ofContract(c),
      kind: 'REPAYMENT_DEMANDED',
      text: `Социальный контракт № ${c.number} расторгнут (${ground}). Необходимо возвратить ${rubles(c.repayment.amountKopecks)} до ${c.repayment.dueDate}.`,
      reasons: ground,
      amountKopecks: c.repayment.amountKopecks,
      dueDate: c.repayment.dueDate,
    };
  if (c.status === 'TERMINATED_EARLY')
    return {
      ...ofContract(c),
      kind: 'CONTRACT_TERMINATED',
      text: `Социальный контракт № ${c.number} расторгнут досрочно. Основание: ${ground}.`,
      reasons: ground,
    };
  if (c.status === 'EXTENDED')
    return {
      ...ofContract(c),
      kind: 'CONTRACT_EXTENDED',
      text: `Срок социального контракта № ${c.number} продлён до ${c.endDate}.`,
      endDate: c.endDate,
    };
  return null;
}

/** The monthly report (отчёт о выполнении ПСА) is due soon. */
export const monthlyReportDueNotice = (
  d: { citizenId: string; contractId: string; territory: string; dueDate: string },
  contractNumber?: string,
): CitizenNotice => ({
  citizenId: d.citizenId,
  caseType: 'SocialContract',
  caseId: d.contractId,
  territory: d.territory,
  kind: 'MONTHLY_REPORT_DUE',
  text: `Напоминаем: отчёт о выполнении программы социальной адаптации${contractNumber ? ` по контракту № ${contractNumber}` : ''} нужно представить до ${d.dueDate}.`,
  dueDate: d.dueDate,
});

/** A step of the non-fulfilment chain the citizen is told of (M10): the request, the good cause, the warning, the appeal. */
export function nonFulfilmentNotice(
  c: SocialContract,
  kind: 'EXPLANATION_REQUESTED' | 'GOOD_CAUSE_ACCEPTED' | 'GOOD_CAUSE_REJECTED' | 'WARNING_ISSUED' | 'APPEAL_DECIDED',
  text: string,
  a: { dueDate?: string | null; reasons?: string | null } = {},
): CitizenNotice {
  return {
    ...ofContract(c),
    kind,
    text: `Социальный контракт № ${c.number}. ${text}`,
    ...(a.dueDate ? { dueDate: a.dueDate } : {}),
    ...(a.reasons ? { reasons: a.reasons } : {}),
  };
}
