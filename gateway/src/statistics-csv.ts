import type { ServerResponse } from 'node:http';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { sendJson } from '@sc/subgraph-kit';
import { Kind, parse, type FieldDefinitionNode, type ObjectTypeDefinitionNode } from 'graphql';

/** Each agency's statistics type on StatisticsCell, and its name in the CSV. */
const AGENCIES = [
  { field: 'socialProtection', type: 'SocialProtectionStatistics', name: 'ЦСПН' },
  { field: 'employment', type: 'EmploymentStatistics', name: 'ЦЗН' },
  { field: 'socialService', type: 'SocialServiceStatistics', name: 'КЦСОН' },
] as const;

const HEADER = [
  'ОКТМО',
  'Территория',
  'Период',
  'Ведомство',
  'Код показателя',
  'Показатель',
  'Разрез',
  'Число',
  'Сумма, коп.',
  'Доля',
  'Среднее, коп.',
  'Медиана, дней',
  'P90, дней',
  'Скрыто',
];

interface Indicator {
  code: string;
  title: string;
}

/**
 * The statistics as CSV for a ministry spreadsheet (issue 11): GET
 * `/statistics.csv?territory=25&from=2026-01&to=2026-12&by=MONTH,TERRITORY`
 * with the same token, run as the same GraphQL query with the caller's
 * context, so access and suppression are the statistics query's own. One row
 * per territory × period × indicator × breakdown key (a long table: pivot it
 * in the spreadsheet); `;`-separated UTF-8 with a BOM, as Russian Excel opens it.
 */
export function statisticsCsvRoute<C extends BaseContext>(apollo: ApolloServer<C>, supergraphSdl: string) {
  const indicators = indicatorsOf(supergraphSdl);
  const document = statisticsCsvDocument(indicators);
  return async (res: ServerResponse, url: URL, context: C): Promise<void> => {
    const by = (url.searchParams.get('by') ?? 'MONTH')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const result = await apollo.executeOperation(
      {
        query: document,
        variables: {
          territory: url.searchParams.get('territory') ?? '',
          from: url.searchParams.get('from') ?? '',
          to: url.searchParams.get('to') ?? '',
          by,
        },
      },
      { contextValue: context },
    );
    if (result.body.kind !== 'single') throw new Error('statistics CSV: unexpected incremental result');
    const { data, errors } = result.body.singleResult;
    if (errors?.length) {
      const code = String(errors[0]!.extensions?.code ?? '');
      const status = code === 'FORBIDDEN' ? 403 : code === 'UNAUTHENTICATED' ? 401 : code ? 400 : 500;
      return sendJson(res, status, { errors });
    }
    const rows = (data as { statistics: Record<string, any>[] }).statistics;
    const lines = [HEADER];
    for (const cell of rows)
      for (const a of AGENCIES)
        for (const ind of indicators.get(a.type) ?? []) {
          const v = cell[a.field]?.[ind.code];
          if (!v) continue;
          for (const x of [v.total, ...v.by])
            lines.push([
              cell.territory,
              cell.territoryName ?? '',
              cell.period,
              a.name,
              ind.code,
              ind.title,
              x.key ?? 'итого',
              ...[x.count, x.amountKopecks, x.share, x.meanKopecks, x.medianDays, x.p90Days].map((n) =>
                n === null || n === undefined ? '' : String(n),
              ),
              x.suppressed ? 'да' : '',
            ]);
        }
    res.statusCode = 200;
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="statistics.csv"');
    res.end('\uFEFF' + lines.map((l) => l.map(csvField).join(';')).join('\r\n') + '\r\n');
  };
}

const csvField = (s: string) => (/[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Each agency's indicators and their Russian titles (the first clause of the field's description in the SDL). */
function indicatorsOf(supergraphSdl: string): Map<string, Indicator[]> {
  const out = new Map<string, Indicator[]>();
  for (const def of parse(supergraphSdl).definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const t = def as ObjectTypeDefinitionNode;
    if (!AGENCIES.some((a) => a.type === t.name.value)) continue;
    out.set(
      t.name.value,
      (t.fields ?? []).filter(isIndicator).map((f) => ({
        code: f.name.value,
        title: (f.description?.value ?? f.name.value).split(/[:(;.]|\n/)[0]!.trim(),
      })),
    );
  }
  return out;
}

/** A `StatIndicator!` field (not the compact `all` record). */
const isIndicator = (f: FieldDefinitionNode) =>
  f.type.kind === Kind.NON_NULL_TYPE &&
  f.type.type.kind === Kind.NAMED_TYPE &&
  f.type.type.name.value === 'StatIndicator';

/** The one document the CSV runs: every indicator of every agency. */
export function statisticsCsvDocument(indicators: Map<string, Indicator[]>): string {
  // Fragments keep the document small (the gateway's token and cost limits apply to it like to any client's).
  const agencies = AGENCIES.map(
    (a) => `${a.field} { ${(indicators.get(a.type) ?? []).map((i) => `${i.code} { ...I }`).join(' ')} }`,
  ).join(' ');
  return `query StatisticsCsv($territory: String!, $from: String!, $to: String!, $by: [StatisticsAxis!]!) {
  statistics(territory: $territory, from: $from, to: $to, by: $by) { territory territoryName period ${agencies} } }
fragment V on StatValue { key count amountKopecks share meanKopecks medianDays p90Days suppressed }
fragment I on StatIndicator { total { ...V } by { ...V } }`;
}

export const statisticsCsvDocumentOf = (supergraphSdl: string): string =>
  statisticsCsvDocument(indicatorsOf(supergraphSdl));
