/**
 * What a span may say about a statement or a document: its shape, never its
 * values. MikroORM inlines parameters into the SQL text the pg
 * instrumentation records, and a client may write literals into a GraphQL
 * document (a name searched for), so every literal becomes `?` (152-ФЗ: no
 * personal data leaves the process in telemetry).
 */
export function redactSql(sql: string): string {
  return sql
    .replace(/[Ee]?'(?:[^']|'')*'/g, '?')
    .replace(/\$([A-Za-z_]*)\$[\s\S]*?\$\1\$/g, '?')
    .replace(/\b\d+(?:\.\d+)?\b/g, '?');
}

export function redactGraphQL(source: string): string {
  return source.replace(/"""[\s\S]*?"""/g, '"?"').replace(/"(?:[^"\\]|\\.)*"/g, '"?"');
}

/** Span attributes that carry statement or document text, with their redaction. */
export const REDACTED_ATTRIBUTES: Record<string, (text: string) => string> = {
  'db.query.text': redactSql,
  'db.statement': redactSql,
  'graphql.source': redactGraphQL,
};
