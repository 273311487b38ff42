import { ruDate, type Block, type DocumentKind, type PrintableDocument } from '@sc/documents';
import type { DocumentSource } from '@sc/subgraph-kit';
import { READ_SERVICES } from '../../access';
import { UrgentServiceAct } from '../domain/urgent-service-act';
import { UrgentServiceCase } from '../domain/urgent-service-case';

/**
 * Акт о предоставлении срочных социальных услуг (M13) as printed: the frozen
 * content, its SHA-256, and — once signed — the recipient's signature image
 * with its own hash; an unsigned act says why.
 */
export function urgentActDocument(a: UrgentServiceAct, territory: string): PrintableDocument {
  const c = a.content;
  const signature: Block[] = a.signatureImage
    ? [
        {
          kind: 'image',
          png: a.signatureImage,
          caption: `Подпись получателя ${a.signerName ?? ''}, ${a.signedAt?.toISOString() ?? ''}; SHA-256 подписи ${a.signatureSha256}`,
          width: 160,
        },
      ]
    : [
        {
          kind: 'paragraph',
          text: a.unsigned
            ? `Акт без подписи получателя. Причина: ${a.unsignedReason ?? 'не указана'}.`
            : 'Акт ещё не подписан получателем.',
        },
      ];
  return {
    fileName: `urgent-service-act-${a.number}.pdf`,
    issuer: `${c.provider}, ОКТМО ${territory}`,
    title: `Акт о предоставлении срочных социальных услуг № ${a.number}`,
    subtitle: `от ${ruDate(c.drawnUpOn)}`,
    blocks: [
      {
        kind: 'fields',
        rows: [
          ['Получатель', c.recipient.anonymous ? 'анонимно' : (c.recipient.fullName ?? '—')],
          ['Документ, удостоверяющий личность', c.recipient.identityDocument ?? '—'],
          ['Поставщик социальных услуг', c.provider],
          ['Условия предоставления', c.conditions],
        ],
      },
      { kind: 'heading', text: 'Оказанные услуги' },
      {
        kind: 'table',
        columns: ['Код', 'Услуга', 'Объём', 'Дата'],
        widths: [0.2, 0.45, 0.15, 0.2],
        rows: c.services.map((s) => [s.code, s.name, `${s.quantity} ${s.unit}`, ruDate(s.deliveredOn)]),
      },
      { kind: 'paragraph', text: `Контрольная сумма содержания акта (SHA-256): ${a.contentHash}` },
      ...signature,
    ],
  };
}

/** КЦСОН's printable documents: the act, under the rule that shows the urgent case. */
export const socialServiceDocuments: Partial<Record<DocumentKind, DocumentSource>> = {
  'urgent-service-act': {
    operation: 'document.urgent-service-act',
    rule: READ_SERVICES,
    read:
      (id) =>
      async ({ em }) => {
        const a = await em.findOne(UrgentServiceAct, { id }, { populate: ['signatureImage'] });
        if (!a) return null;
        const u = await em.findOneOrFail(UrgentServiceCase, { id: a.caseId });
        return { citizenId: u.citizenId ?? null, territory: u.territory, document: urgentActDocument(a, u.territory) };
      },
  },
};
