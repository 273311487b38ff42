import { ruDate, rubles, type PrintableDocument } from '@sc/documents';
import type { ScApplication } from '../../applications/domain/sc-application';
import type { NamedPerson } from './person';

const CHANNELS: Record<string, string> = {
  IN_PERSON: 'лично',
  EPGU: 'через ЕПГУ',
  MFC: 'через МФЦ',
  REFERRAL_FROM_EMPLOYMENT: 'по направлению ЦЗН',
  REFERRAL_FROM_SOCIAL_SERVICE: 'по направлению КЦСОН',
};

const RELATIONS: Record<string, string> = {
  APPLICANT: 'заявитель',
  SPOUSE: 'супруг(а)',
  CHILD: 'ребёнок',
  STUDENT_UNDER_23: 'ребёнок до 23 лет, обучающийся очно',
  OTHER: 'иной член семьи',
};

/** Расписка в приёме заявления: what was received, when, and by when the decision is due (178-ФЗ ст. 8). */
export function applicationReceipt(a: ScApplication, person: NamedPerson): PrintableDocument {
  const received = a.documents.filter((d) => d.provided).map((d) => d.kind);
  return {
    fileName: `application-receipt-${a.id}.pdf`,
    issuer: `ЦСПН (${a.territory})`,
    title: 'Расписка в приёме заявления',
    subtitle: 'о назначении государственной социальной помощи на основании социального контракта',
    blocks: [
      {
        kind: 'fields',
        rows: [
          ['Заявитель', person.fullName],
          ['Дата рождения', person.birthDate],
          [
            'Заявление принято',
            `${ruDate(a.submittedAt.toISOString().slice(0, 10))}, ${CHANNELS[a.channel] ?? a.channel}`,
          ],
          ['Регистрационный номер', a.id],
          ['Решение будет принято до', ruDate(a.decisionDueDate)],
          ['Состав семьи, человек', String(a.household.length)],
        ],
      },
      { kind: 'heading', text: 'Принятые документы' },
      { kind: 'paragraph', text: received.length ? received.join('; ') : 'документы не представлены' },
      { kind: 'signatures', lines: ['Заявление принял специалист ЦСПН', 'Расписку получил заявитель'] },
    ],
  };
}

/** Акт материально-бытового обследования с итогами собеседования. */
export function homeSurveyActDocument(a: ScApplication, person: NamedPerson): PrintableDocument | null {
  const s = a.homeSurvey;
  if (!s) return null;
  const incomes = a.household.map((m) => [
    m.fullName,
    RELATIONS[m.relation] ?? m.relation,
    rubles(m.incomes.reduce((sum, x) => sum + x.amountKopecks, 0)),
  ]);
  return {
    fileName: `home-survey-act-${a.id}.pdf`,
    issuer: `ЦСПН (${a.territory})`,
    title: 'Акт материально-бытового обследования',
    subtitle: `от ${ruDate(s.surveyDate)}`,
    blocks: [
      {
        kind: 'fields',
        rows: [
          ['Заявитель', person.fullName],
          ['Адрес', s.address],
          ['Обследование провёл', s.surveyedBy],
        ],
      },
      { kind: 'heading', text: 'Жилищно-бытовые условия' },
      { kind: 'paragraph', text: s.livingConditions },
      { kind: 'heading', text: 'Сведения об имуществе' },
      { kind: 'paragraph', text: s.propertyFindings ?? 'не указаны' },
      { kind: 'heading', text: 'Состав семьи и доходы за расчётный период' },
      { kind: 'table', columns: ['Член семьи', 'Родство', 'Доход за период'], rows: incomes, widths: [0.5, 0.2, 0.3] },
      { kind: 'heading', text: 'Итоги собеседования' },
      { kind: 'paragraph', text: s.interviewNotes },
      { kind: 'heading', text: 'Заключение' },
      { kind: 'paragraph', text: s.conclusion },
      { kind: 'signatures', lines: ['Специалист ЦСПН', 'С актом ознакомлен(а) заявитель'] },
    ],
  };
}
