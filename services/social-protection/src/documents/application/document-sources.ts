import type { DocumentKind } from '@sc/documents';
import type { DocumentSource } from '@sc/subgraph-kit';
import { COMMISSION_DECIDES, READ_APPLICATIONS, READ_MEANS } from '../../access';
import { ScApplication } from '../../applications/domain/sc-application';
import { CommissionMeeting } from '../../commission/domain/commission-meeting';
import { SocialContract } from '../../contracts/domain/social-contract';
import { AdaptationProgramme } from '../../programmes/domain/adaptation-programme';
import { applicationReceipt, homeSurveyActDocument } from './application-documents';
import { effectivenessConclusionDocument, socialContractDocument } from './contract-documents';
import { namedPerson } from './person';
import { adaptationProgrammeDocument, commissionMinutesDocument } from './programme-documents';

/**
 * ЦСПН's printable documents, each under the rule of the data it prints: the
 * receipt and the ПСА like the application; the survey act (incomes), the
 * contract (payments) and the conclusion (incomes) like the household; the
 * minutes for the commission and the head.
 */
export const socialProtectionDocuments: Partial<Record<DocumentKind, DocumentSource>> = {
  'application-receipt': {
    operation: 'document.application-receipt',
    rule: READ_APPLICATIONS,
    read:
      (id) =>
      async ({ em, deps }) => {
        const a = await em.findOne(ScApplication, { id });
        return (
          a && {
            citizenId: a.citizenId,
            territory: a.territory,
            document: applicationReceipt(a, await namedPerson(em, deps, a.citizenId)),
          }
        );
      },
  },
  'home-survey-act': {
    operation: 'document.home-survey-act',
    rule: READ_MEANS,
    read:
      (id) =>
      async ({ em, deps }) => {
        const a = await em.findOne(ScApplication, { id });
        const document = a && homeSurveyActDocument(a, await namedPerson(em, deps, a.citizenId));
        return a && document && { citizenId: a.citizenId, territory: a.territory, document };
      },
  },
  'adaptation-programme': {
    operation: 'document.adaptation-programme',
    rule: READ_APPLICATIONS,
    read:
      (id) =>
      async ({ em, deps }) => {
        const p = await em.findOne(AdaptationProgramme, { id });
        return (
          p && {
            citizenId: p.citizenId,
            territory: p.territory,
            document: adaptationProgrammeDocument(p, await namedPerson(em, deps, p.citizenId)),
          }
        );
      },
  },
  'social-contract': {
    operation: 'document.social-contract',
    rule: READ_MEANS,
    read:
      (id) =>
      async ({ em, deps }) => {
        const c = await em.findOne(SocialContract, { id });
        return (
          c && {
            citizenId: c.citizenId,
            territory: c.territory,
            document: socialContractDocument(c, await namedPerson(em, deps, c.citizenId)),
          }
        );
      },
  },
  'effectiveness-conclusion': {
    operation: 'document.effectiveness-conclusion',
    rule: READ_MEANS,
    read:
      (id) =>
      async ({ em, deps }) => {
        const c = await em.findOne(SocialContract, { id });
        const document = c && effectivenessConclusionDocument(c, await namedPerson(em, deps, c.citizenId));
        return c && document && { citizenId: c.citizenId, territory: c.territory, document };
      },
  },
  'commission-minutes': {
    operation: 'document.commission-minutes',
    rule: COMMISSION_DECIDES,
    read:
      (id) =>
      async ({ em }) => {
        const m = await em.findOne(CommissionMeeting, { id });
        return m && { territory: m.territory, document: commissionMinutesDocument(m) };
      },
  },
};
