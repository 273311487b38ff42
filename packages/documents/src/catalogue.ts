/**
 * Печатные документы, each served by the agency that holds its data:
 * `GET /documents/<kind>.pdf?id=<uuid>` at the gateway (proxied with the
 * caller's token) or at the owning subgraph, under the same access rule and
 * read audit as the data itself.
 */
export const DOCUMENT_KINDS = {
  'application-receipt': { subgraph: 'social-protection', of: 'ScApplication', title: 'Расписка в приёме заявления' },
  'home-survey-act': {
    subgraph: 'social-protection',
    of: 'ScApplication',
    title: 'Акт материально-бытового обследования',
  },
  'adaptation-programme': {
    subgraph: 'social-protection',
    of: 'AdaptationProgramme',
    title: 'Программа социальной адаптации',
  },
  'social-contract': {
    subgraph: 'social-protection',
    of: 'SocialContract',
    title: 'Социальный контракт с графиком выплат',
  },
  'commission-minutes': { subgraph: 'social-protection', of: 'CommissionMeeting', title: 'Протокол заседания МВК' },
  'effectiveness-conclusion': {
    subgraph: 'social-protection',
    of: 'SocialContract',
    title: 'Заключение об эффективности',
  },
  'urgent-service-act': {
    subgraph: 'social-service',
    of: 'UrgentServiceAct',
    title: 'Акт о предоставлении срочных социальных услуг',
  },
} as const;

export type DocumentKind = keyof typeof DOCUMENT_KINDS;

export const documentPath = (kind: DocumentKind): string => `/documents/${kind}.pdf`;
