import type { ServerResponse } from 'node:http';
import type { AccessRule } from '@sc/auth';
import { documentPath, renderPdf, type DocumentKind, type PrintableDocument } from '@sc/documents';
import { isDomainError, isUuid, ValidationError } from '@sc/kernel';
import type { ReadAuditWriter } from './audit-writer';
import type { RequestContext } from './context';
import { sendJson } from './http-server';
import { inRead, type Read } from './read';

/** A printable document's source: the same rule and read as the data it prints. */
export interface DocumentSource {
  /** Named in the read audit, e.g. `document.social-contract`. */
  operation: string;
  rule: AccessRule;
  /** The case it is about — `citizenId` (audited) and `territory` (guarded, as by every read) — and the document; null when there is none. */
  read: (id: string) => Read<{ citizenId?: string | null; territory: string; document: PrintableDocument } | null>;
}

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

/**
 * `GET /documents/<kind>.pdf?id=<uuid>` for each document a service prints:
 * authorised, territory-guarded and audited by {@link inRead} exactly as the
 * GraphQL read of the same data, rendered to PDF, never cached. Coded errors
 * answer with their HTTP status and the GraphQL error shape.
 */
export function documentRoutes(
  sources: Partial<Record<DocumentKind, DocumentSource>>,
  audit: ReadAuditWriter,
): Record<string, (res: ServerResponse, url: URL, ctx: RequestContext) => Promise<void>> {
  return Object.fromEntries(
    Object.entries(sources).map(([kind, src]) => [
      documentPath(kind as DocumentKind),
      async (res: ServerResponse, url: URL, ctx: RequestContext) => {
        try {
          const id = url.searchParams.get('id') ?? '';
          if (!isUuid(id))
            throw new ValidationError('id', 'UUID', 'an id is a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)');
          const found = await inRead(ctx, src!.operation, src!.rule, src!.read(id));
          await audit.write(ctx.principal, ctx.audit.drain(src!.operation), ctx.requestId);
          if (!found)
            return sendJson(res, 404, { errors: [{ message: `no ${kind} ${id}`, extensions: { code: 'NOT_FOUND' } }] });
          const pdf = await renderPdf(found.document, { createdAt: new Date() });
          res.writeHead(200, {
            'content-type': 'application/pdf',
            'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(found.document.fileName)}`,
            'cache-control': 'no-store',
            'x-request-id': ctx.requestId,
          });
          res.end(pdf);
        } catch (e) {
          if (!isDomainError(e)) throw e;
          sendJson(res, STATUS[e.category] ?? 400, {
            errors: [{ message: e.message, extensions: { code: e.category, ...e.details } }],
          });
        }
      },
    ]),
  );
}
