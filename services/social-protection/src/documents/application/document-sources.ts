import type { PrintableDocument, DocumentKind } from '@sc/documents';
import type { AccessRule } from '@sc/auth';
import type { DocumentSource } from '@sc/subgraph-kit';
import { COMMISSION_DECIDES, READ_APPLICATIONS, READ_MEANS } from '../../access';
import { ScApplication } from '../../applications/domain/sc-application';
import { CommissionMeeting } from '../../commission/domain/commission-meeting';
import { SocialContract } from '../../contracts/domain/social-contract';
import { AdaptationProgramme } from '../../programmes/domain/adaptation-programme';
import { applicationReceipt, homeSurveyActDocument } from './application-documents';
import { effectivenessConclusionDocument, socialContractDocument } from './contract-documents';
import { namedPerson, type NamedPerson } from './person';
import { adaptationProgrammeDocument, commissionMinutesDocument } from './programme-documents';

/**
 * A document about one person's case: the record by id, the person as ЦСПН
 * holds them, the document built from both (null when there is nothing to
 * print yet); the case's citizen and territory go to `inRead` to be audited
 * and guarded.
 */
function ofPersonCase<T extends { citizenId: string; territory: string }>(
  kind: DocumentKind,
  rule: AccessRule,
  entity: new () => T,
  build: (record: T, person: NamedPerson) => PrintableDocument | null,
): DocumentSource {
  return {
    operation: `document.${kind}`,
    rule,
    read:
      (id) =>
      async ({ em, deps }) => {
        const record = (await em.findOne(entity, { id } as never)) as T | null;
        if (!record) return null;
        const document = build(record, await namedPerson(em, deps, record.citizenId));
        return document && { citizenId: record.citizenId, territory: record.territory, document };
      },
  };
}

/**
 * ЦСПН's printable documents, each under the rule of the data it prints: the
 * receipt and the ПСА like the application; the survey act (incomes), the
 * contract (payments) and the conclusion (incomes) like the household; the
 * minutes for the commission and the head.
 */
export const socialProtectionDocuments: Partial<Record<DocumentKind, DocumentSource>> = {
  'application-receipt': ofPersonCase('application-receipt', READ_APPLICATIONS, ScApplication, applicationReceipt),
  'home-survey-act': ofPersonCase('home-survey-act', READ_MEANS, ScApplication, homeSurveyActDocument),
  'adaptation-programme': ofPersonCase(
    'adaptation-programme',
    READ_APPLICATIONS,
    AdaptationProgramme,
    adaptationProgrammeDocument,
  ),
  'social-contract': ofPersonCase('social-contract', READ_MEANS, SocialContract, socialContractDocument),
  'effectiveness-conclusion': ofPersonCase(
    'effectiveness-conclusion',
    READ_MEANS,
    SocialContract,
    effectivenessConclusionDocument,
  ),
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
