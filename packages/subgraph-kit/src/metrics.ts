import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Latency buckets (seconds) from a cached health check to a full ministry dashboard. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Operation names come from clients: past this many distinct ones the rest are counted as "other". */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Phases of one operation, from a cached parse (tens of µs) to a full federated fetch. */
const PHASE_BUCKETS = [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];
const now = () => Number(process.hrtime.bigint()) / 1e9;

/**
 * Prometheus metrics of one process (prom-client, the de-facto Node client):
 * Node's own (event loop lag, heap, GC, `nodejs_version_info`), HTTP requests
 * by route and status, GraphQL operations by name and type, errors by code.
 * Each process owns its registry, so tests can build several in one process.
 */
export class ProcessMetrics {
  readonly registry = new Registry();
  private readonly httpDuration: Histogram<'route' | 'method' | 'status'>;
  private readonly operationDuration: Histogram<'operation' | 'type'>;
  private readonly errors: Counter<'code' | 'operation'>;
  private readonly phases: Histogram<'phase'>;
  private readonly names = new Set<string>();
  /** When the gateway's query plan of a request (keyed by its context) was ready. */
  private readonly planned = new WeakMap<object, number>();

  constructor(
    readonly process: string,
    /** The HTTP paths counted by name; any other is "other" (a scan must not grow the series). */
    private readonly routes: string[] = ['/graphql', '/health', '/ready', '/metrics'],
  ) {
    this.registry.setDefaultLabels({ process });
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by route, method and status: time to the last byte',
      labelNames: ['route', 'method', 'status'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.operationDuration = new Histogram({
      name: 'graphql_operation_duration_seconds',
      help: 'GraphQL operations by operation name and type, from parse to response',
      labelNames: ['operation', 'type'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.phases = new Histogram({
      name: 'graphql_phase_duration_seconds',
      help: 'Where an operation spends its time: parse, validate (both skipped when the document is cached), execute; at the gateway execute is plan (query plan cache lookup or planning) then fetch (subgraph requests and the merge)',
      labelNames: ['phase'],
      buckets: PHASE_BUCKETS,
      registers,
    });
    this.errors = new Counter({
      name: 'graphql_errors_total',
      help: 'Errors in GraphQL responses by extensions.code and operation name',
      labelNames: ['code', 'operation'],
      registers,
    });
  }

  observeHttp(path: string, method: string, status: number, seconds: number): void {
    const route = this.routes.includes(path) ? path : 'other';
    this.httpDuration.observe({ route, method, status: String(status) }, seconds);
  }

  /** Times every operation and counts the errors of its response by their code. */
  graphqlPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
    return {
      requestDidStart: async () => {
        const start = process.hrtime.bigint();
        const phase = (name: string, since: number) => this.phases.observe({ phase: name }, now() - since);
        return {
          parsingDidStart: async () => {
            const s = now();
            return async () => phase('parse', s);
          },
          validationDidStart: async () => {
            const s = now();
            return async () => phase('validate', s);
          },
          executionDidStart: async ({ contextValue }) => {
            const s = now();
            return {
              executionDidEnd: async () => {
                const plannedAt = this.planned.get(contextValue);
                if (plannedAt === undefined) return phase('execute', s);
                this.phases.observe({ phase: 'plan' }, plannedAt - s);
                phase('fetch', plannedAt);
              },
            };
          },
          willSendResponse: async ({ operationName, operation, response }) => {
            const name = this.operationLabel(operationName);
            const seconds = Number(process.hrtime.bigint() - start) / 1e9;
            this.operationDuration.observe({ operation: name, type: operation?.operation ?? 'unknown' }, seconds);
            const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
            for (const e of errors)
              this.errors.inc({ code: String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'), operation: name });
          },
        };
      },
    };
  }

  /** The gateway's hook (`experimental_didResolveQueryPlan`): the request's plan is ready, fetching starts. */
  queryPlanResolved(context: object): void {
    this.planned.set(context, now());
  }

  async text(): Promise<string> {
    return this.registry.metrics();
  }

  private operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.names.has(name)) return name;
    if (this.names.size >= MAX_OPERATION_NAMES) return 'other';
    this.names.add(name);
    return name;
  }
}
