import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

/** A tab of the explorer: what it shows a newcomer, and the document (the README's examples among them). */
export interface ExplorerExample {
  title: string;
  query: string;
  variables?: Record<string, unknown>;
}

/**
 * Preloaded tabs. The README's GraphQL examples are here word for word (a
 * test keeps them equal) and every document validates against the committed
 * supergraph (explorer.spec.ts), so a tab never shows a stale field.
 */
export const EXPLORER_EXAMPLES: ExplorerExample[] = [
  {
    title: 'Справочник срочных социальных услуг (КЦСОН; любой токен КЦСОН)',
    query: `query UrgentServiceCatalogue {
  urgentServiceCatalogue { code name unit source }
}`,
  },
  {
    title: 'Рабочий список: мои срочные случаи (КЦСОН, специалист)',
    query: `query UrgentWorklist($first: Int) {
  urgentServiceCases(first: $first) {
    totalCount
    edges { node { id status channel requestedAt assignedTo territory } }
    pageInfo { hasNextPage endCursor }
  }
}`,
    variables: { first: 20 },
  },
  {
    title: 'Поиск гражданина по ФИО (КЦСОН; чтение записывается в журнал доступа)',
    query: `query CitizenSearch { socialServiceCitizenSearch(text: "ивонова мария") { score profile { lastName firstName birthDate } citizen { id socialProtectionProfile { lastName } } } }`,
  },
  {
    title: 'Дашборд министерства: показатели трёх ведомств по районам и месяцам (MINISTRY ANALYST)',
    query: `query Dashboard {   # a MINISTRY ANALYST token with territory "25"
  statistics(territory: "25", from: "2026-01", to: "2026-12", by: [MONTH, TERRITORY]) {
    territory territoryName level period          # the region's row and one per district, per month
    socialProtection { applicationsByChannel { total { count suppressed } by { key count share } }
                       activeContractsAtEnd { total { count } } paymentsMade { total { count amountKopecks meanKopecks } } }
    employment { employed { by { key count } } }
    socialService { needRecognitionsInTime { by { key count share } } daysToAcceptance { by { key medianDays p90Days } } }
  } }`,
  },
  {
    title: 'Приёмочные часы: на месяц вперёд в трёх ведомствах (ADMIN любого ведомства; только вне production)',
    query: `mutation MonthLater {   # an ADMIN token of any agency or of the ministry
  socialProtection: advanceSocialProtectionClock(input: { days: 30 }) { now today offsetHours }
  employment: advanceEmploymentClock(input: { days: 30 }) { now today }
  socialService: advanceSocialServiceClock(input: { days: 30 }) { now today }
}`,
  },
];

// Header values must be ISO-8859-1 (the browser's fetch refuses anything else): the hint stays ASCII.
const TOKEN_HINT = 'Bearer PASTE-A-TOKEN-HERE (npm run token -- --agency SOCIAL_SERVICE --role SPECIALIST)';

/**
 * GraphiQL served from the project's own dependencies (the page inlines its
 * scripts, styles and workers: it works with no network beyond the gateway).
 * The headers editor is open with the Authorization header to fill in.
 * Never in production (GATEWAY_EXPLORER is refused there, see config.ts).
 */
export function explorerPage(): string {
  const headers = JSON.stringify({ Authorization: TOKEN_HINT }, null, 2);
  return renderGraphiQL({
    title: 'Социальный контракт — GraphQL (шлюз ЦСПН · ЦЗН · КЦСОН)',
    endpoint: '/graphql',
    headers,
    defaultHeaders: headers,
    shouldPersistHeaders: true,
    isHeadersEditorEnabled: true,
    defaultEditorToolsVisibility: 'headers',
    defaultTabs: EXPLORER_EXAMPLES.map((e) => ({
      query: `# ${e.title}\n${e.query}`,
      variables: e.variables ? JSON.stringify(e.variables, null, 2) : null,
      headers,
    })),
  });
}
