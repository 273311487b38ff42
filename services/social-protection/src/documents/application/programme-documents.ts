import { ruDate, rubles, type Block, type PrintableDocument } from '@sc/documents';
import type { CommissionMeeting } from '../../commission/domain/commission-meeting';
import type { AdaptationProgramme } from '../../programmes/domain/adaptation-programme';
import type { PsaActivity } from '../../programmes/domain/psa-activity';
import type { NamedPerson } from './person';

export const DIRECTIONS: Record<string, string> = {
  JOB_SEARCH: 'поиск работы',
  BUSINESS: 'осуществление индивидуальной предпринимательской деятельности',
  SUBSIDIARY_FARM: 'ведение личного подсобного хозяйства',
  HARDSHIP: 'преодоление трудной жизненной ситуации',
};
const PROGRAMME_STATUS: Record<string, string> = {
  DRAFT: 'проект',
  ON_REVIEW: 'на рассмотрении МВК',
  APPROVED: 'одобрена комиссией',
  RETURNED: 'возвращена на доработку',
  REFUSED: 'отказано',
};
const AGENCIES: Record<string, string> = {
  SOCIAL_PROTECTION: 'ЦСПН',
  EMPLOYMENT: 'ЦЗН',
  SOCIAL_SERVICE: 'КЦСОН',
  OTHER: 'иная организация',
};

const PARTIES: Record<string, string> = { ...AGENCIES, CITIZEN: 'гражданин' };
const AGREEMENT_STATUS: Record<string, string> = {
  PENDING: 'ответа нет',
  AGREED: 'согласовано',
  CHANGES_PROPOSED: 'предложены изменения',
};

/** Согласование of the revision printed: who agreed it and when, or what they proposed. */
function agreementTable(p: AdaptationProgramme): Block[] {
  const rows = p.currentAgreements();
  if (!rows.length) return [];
  return [
    { kind: 'heading', text: `Согласование (редакция ${p.revision})` },
    {
      kind: 'table',
      columns: ['Участник', 'Ответ', 'Дата', 'Комментарий'],
      widths: [0.2, 0.25, 0.15, 0.4],
      rows: rows.map((a) => [
        PARTIES[a.party] ?? a.party,
        AGREEMENT_STATUS[a.status] ?? a.status,
        a.answeredAt ? ruDate(a.answeredAt.slice(0, 10)) : '—',
        a.comment ?? '',
      ]),
    },
  ];
}

/** The ПСА's activities as a table: what, who, from when to when, at what cost. */
export function activitiesTable(activities: readonly PsaActivity[]): Block {
  return {
    kind: 'table',
    columns: ['Мероприятие', 'Ответственный', 'Срок', 'Стоимость'],
    widths: [0.45, 0.2, 0.2, 0.15],
    rows: activities.map((a) => [
      a.description,
      a.responsibleOrganisation ?? AGENCIES[a.responsibleAgency] ?? a.responsibleAgency,
      `${ruDate(a.startDate)} – ${ruDate(a.dueDate)}`,
      a.costKopecks ? rubles(a.costKopecks) : '—',
    ]),
  };
}

/** Программа социальной адаптации: direction, term, activities, the business plan where there is one. */
export function adaptationProgrammeDocument(p: AdaptationProgramme, person: NamedPerson): PrintableDocument {
  const plan: Block[] = p.businessPlan
    ? [
        { kind: 'heading', text: 'Бизнес-план' },
        { kind: 'paragraph', text: p.businessPlan.summary },
        {
          kind: 'table',
          columns: ['Статья расходов', 'Сумма'],
          widths: [0.7, 0.3],
          rows: p.businessPlan.items.map((i) => [i.name, rubles(i.amountKopecks)]),
        },
        {
          kind: 'fields',
          rows: [['Запрашиваемая единовременная выплата', rubles(p.businessPlan.amountRequestedKopecks)]],
        },
      ]
    : [];
  return {
    fileName: `adaptation-programme-${p.id}.pdf`,
    issuer: `ЦСПН (${p.territory})`,
    title: 'Программа социальной адаптации',
    blocks: [
      {
        kind: 'fields',
        rows: [
          ['Получатель', person.fullName],
          ['Направление', DIRECTIONS[p.direction] ?? p.direction],
          ['Срок', `${p.termMonths} мес.: ${ruDate(p.plannedStart)} – ${ruDate(p.plannedEnd)}`],
          ['Статус', PROGRAMME_STATUS[p.status] ?? p.status],
        ],
      },
      { kind: 'heading', text: 'Мероприятия' },
      activitiesTable(p.activities),
      ...plan,
      ...agreementTable(p),
      { kind: 'signatures', lines: ['Специалист ЦСПН', 'С программой согласен(на) получатель'] },
    ],
  };
}

/** Протокол заседания МВК: the minutes as recorded when the meeting was closed, and who was present. */
export function commissionMinutesDocument(m: CommissionMeeting): PrintableDocument {
  return {
    fileName: `commission-minutes-${m.id}.pdf`,
    issuer: `Межведомственная комиссия (${m.territory})`,
    title: 'Протокол заседания межведомственной комиссии',
    subtitle: `от ${ruDate(m.meetingDate)}${m.place ? `, ${m.place}` : ''}`,
    blocks: [
      ...(m.minutes ?? 'Заседание ещё не проведено: протокол не составлен.')
        .split('\n')
        .slice(1)
        .map((line): Block => ({ kind: 'paragraph', text: line.trim() })),
      {
        kind: 'signatures',
        lines: m.attended
          .filter((a) => a.role !== 'MEMBER')
          .map((a) => `${a.role === 'CHAIR' ? 'Председатель' : 'Секретарь'} ${a.name}`),
      },
    ],
  };
}
