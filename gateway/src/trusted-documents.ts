import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * A safelist of trusted documents for production front-ends: a JSON manifest
 * `{ "<sha256 of the document>": "<the document>" }` built with the
 * front-end. With it, the gateway runs only those documents — sent whole or
 * by hash (`extensions.persistedQuery.sha256Hash`, Apollo's persisted-query
 * form) — and refuses any other with PERSISTED_QUERY_NOT_ALLOWED, so a stolen
 * token cannot be used to explore the API.
 */
export function loadTrustedDocuments(path: string): Map<string, string> {
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
  const docs = new Map<string, string>();
  for (const [hash, doc] of Object.entries(manifest)) {
    if (sha256(doc) !== hash)
      throw new Error(`trusted documents: the hash of ${hash.slice(0, 12)}… does not match its text`);
    docs.set(hash, doc);
  }
  return docs;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function trustedDocumentsPlugin<C extends BaseContext>(docs: Map<string, string>): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ request }) {
      const byHash = (request.extensions?.persistedQuery as { sha256Hash?: string } | undefined)?.sha256Hash;
      const hash = request.query !== undefined ? sha256(request.query) : byHash;
      const doc = hash ? docs.get(hash) : undefined;
      if (doc) {
        request.query = doc;
        if (request.extensions) delete request.extensions.persistedQuery;
      }
      return {
        // Refused once the document is parsed, where Apollo answers a coded 400 (a throw earlier would be a 500).
        async didResolveOperation() {
          if (!doc)
            throw new GraphQLError('only the front-ends’ registered documents are served here', {
              extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED', http: { status: 400 } },
            });
        },
      };
    },
  };
}
