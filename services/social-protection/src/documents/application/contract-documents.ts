import { ruDate, rubles, type PrintableDocument } from '@sc/documents';
import type { SocialContract } from '../../contracts/domain/social-contract';
import type { NamedPerson } from './person';
import { activitiesTable, DIRECTIONS } from './programme-documents';

const KINDS: Record<string, string> = {
  MONTHLY: 'ежемесячная',
  LUMP_SUM: 'единовременная',
  TRAINING: 'оплата обучения',
};
const PAYMENT_STATUS: Record<string, string> = {
  SCHEDULED: 'по графику',
  AWAITING_EMPLOYMENT: 'после подтверждения трудоустройства ЦЗН',
  CANCELLED: 'отменена',
};
const CONTRACT_STATUS: Record<string, string> = {
  SIGNED: 'подписан',
  ACTIVE: 'действует',
  UNDER_REVIEW: 'на проверке',
  EXTENDED: 'продлён',
  SUCCESSION_PENDING: 'ожидает правопреемника',
  ENDED: 'срок истёк',
  EVALUATED_EFFECTIVE: 'признан эффективным',
  EVALUATED_INEFFECTIVE: 'признан неэффективным',
  POST_MONITORING: 'мониторинг после окончания',
  CLOSED: 'закрыт',
  TERMINATED_EARLY: 'расторгнут досрочно',
  REPAYMENT_DUE: 'требуется возврат средств',
  COURT_RECOVERY: 'взыскание в судебном порядке',
};

/** Социальный контракт с графиком выплат и мероприятиями ПСА. */
export function socialContractDocument(c: SocialContract, person: NamedPerson): PrintableDocument {
  return {
    fileName: `social-contract-${c.number}.pdf`,
    issuer: `ЦСПН (${c.territory})`,
    title: `Социальный контракт № ${c.number}`,
    subtitle: `от ${ruDate(c.signedOn)}`,
    blocks: [
      {
        kind: 'paragraph',
        text: `ЦСПН и получатель ${person.fullName} (дата рождения ${person.birthDate}) заключили социальный контракт о назначении государственной социальной помощи; получатель обязуется выполнить мероприятия программы социальной адаптации и ежемесячно отчитываться о них.`,
      },
      {
        kind: 'fields',
        rows: [
          ['Направление', DIRECTIONS[c.direction] ?? c.direction],
          ['Срок действия', `${ruDate(c.startDate)} – ${ruDate(c.endDate)} (${c.termMonths} мес.)`],
          ['Прожиточный минимум трудоспособного населения', `${rubles(c.pmWorkingAgeKopecks)} (${c.pmYear} г.)`],
          ['Статус', CONTRACT_STATUS[c.status] ?? c.status],
        ],
      },
      { kind: 'heading', text: 'График выплат' },
      {
        kind: 'table',
        columns: ['№', 'Выплата', 'Назначение', 'Срок', 'Сумма', 'Статус'],
        widths: [0.06, 0.16, 0.32, 0.14, 0.16, 0.16],
        rows: c.payments.map((p) => [
          String(p.no),
          KINDS[p.kind] ?? p.kind,
          p.purpose,
          ruDate(p.dueDate),
          rubles(p.amountKopecks),
          p.status === 'PAID' ? `выплачено ${ruDate(p.paidOn)}` : (PAYMENT_STATUS[p.status] ?? p.status),
        ]),
      },
      { kind: 'heading', text: 'Мероприятия программы социальной адаптации' },
      activitiesTable(c.activities),
      { kind: 'signatures', lines: ['Руководитель ЦСПН', 'Получатель'] },
    ],
  };
}

/** Заключение МВК об эффективности: the figures it was computed from, the decision and any departure with its reason. */
export function effectivenessConclusionDocument(c: SocialContract, person: NamedPerson): PrintableDocument | null {
  const e = c.evaluation;
  if (!e) return null;
  const f = e.figures;
  const figures: [string, string][] = f
    ? [
        ['Критерий направления', `${f.directionCriterionMet ? 'выполнен' : 'не выполнен'}: ${f.directionEvidence}`],
        ['Прожиточный минимум на душу населения', rubles(f.subsistenceMinimumKopecks)],
        ['Порог роста дохода', `${f.growthThresholdPercent} %`],
        ['Результат расчёта', f.computedEffective ? 'эффективен' : 'неэффективен'],
      ]
    : [];
  return {
    fileName: `effectiveness-conclusion-${c.number}.pdf`,
    issuer: `Межведомственная комиссия (${c.territory})`,
    title: 'Заключение об эффективности социального контракта',
    subtitle: `№ ${c.number}, ${ruDate(e.decidedOn)}`,
    blocks: [
      {
        kind: 'fields',
        rows: [
          ['Получатель', person.fullName],
          ['Направление', DIRECTIONS[c.direction] ?? c.direction],
          ['Срок контракта', `${ruDate(c.startDate)} – ${ruDate(c.endDate)}`],
          ['Среднедушевой доход до контракта', rubles(e.perCapitaIncomeBeforeKopecks)],
          ['Среднедушевой доход после контракта', rubles(e.perCapitaIncomeAfterKopecks)],
          ...figures,
        ],
      },
      {
        kind: 'paragraph',
        text: `Комиссия признала социальный контракт ${e.effective ? 'эффективным' : 'неэффективным'}.${e.departureReason ? ` Комиссия отступила от расчёта: ${e.departureReason}.` : ''}`,
      },
      { kind: 'paragraph', text: e.conclusion },
      { kind: 'signatures', lines: ['Председатель комиссии', 'Секретарь комиссии'] },
    ],
  };
}
