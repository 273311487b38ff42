import type { Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { EntitySchema, MikroORM } from '@mikro-orm/core';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { createTokenVerifier, GATEWAY_ASSERTION_HEADER, gatewayAssertionVerifier } from '@sc/auth';
import {
  AcceptanceClock,
  defaultBackoff,
  ForbiddenError,
  systemClock,
  useRegionTimeZone,
  type Agency,
  type Clock,
} from '@sc/kernel';
import { loadAcceptanceOffset } from './acceptance-clock';
import { createLogger, type Logger } from '@sc/runtime';
import {
  InboxConsumer,
  Outbox,
  OutboxRelay,
  type ConsumerOptions,
  type MessageBus,
  type MessageHandler,
} from '@sc/messaging';
import { PURPOSE_HEADER, ReadAudit } from './audit';
import { AuditSealer } from './audit-chain';
import { ReadAuditWriter } from './audit-writer';
import { CitizenDirectory } from './citizen-directory';
import { loaderRegistry, type RequestContext, type ServiceDeps } from './context';
import { StaffRegister } from './staff-register';
import { createFormatError } from './errors';
import { close, createGraphQLHttpServer, listen } from './http-server';
import type { DocumentKind } from '@sc/documents';
import { documentRoutes, type DocumentSource } from './document-routes';
import { identityLinkedHandler } from './identity-linked.consumer';
import { territoryDefinedHandler } from './territory-defined.consumer';
import { guardInputs } from './input-hygiene';
import { initOrm, migrate, type MigrationObject } from './orm';
import { useRegionMonths } from './statistics-counters.sql';
import { PLATFORM_MIGRATIONS } from './platform-migrations';
import { queryLimits } from './query-limits';
import { ProcessMetrics } from './metrics';
import { keepReferenceData } from './transaction-memo';
import { registerServiceMetrics } from './service-metrics';
import { Scheduler, type ScheduledJob } from './scheduler';
import { foreignNotificationHandlers } from './referral-sla';
import { RegionalParameterSchema } from './regional-parameter';
import { waitForDatabase } from './database-wait';
import { DEFAULT_REFERENCE_DATA_CACHE_MS, type ServiceConfig } from './service-config';
import type { WorkNorms } from './work-log';

/** What a service contributes; the kit does the wiring the three share. */
export interface SubgraphDefinition {
  name: string;
  agency: Agency;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<RequestContext>;
  /** The service's own mappings; the citizen directory and the regional parameters are added by the kit. */
  entities: EntitySchema<any, any>[];
  migrations: MigrationObject[];
  /** The service's own consumers; every service also follows citizen.identity-linked.v1 (added by the kit). */
  handlers: (deps: ServiceDeps) => MessageHandler[];
  /** The case workers' time norms by operation (хронометраж), where the agency has them. */
  workNorms?: WorkNorms;
  /** Timed checks (deadlines, expiries, reminders), run by the service's scheduler. */
  jobs?: (deps: ServiceDeps) => ScheduledJob[];
  /** Printable documents (PDF) the service serves at `/documents/<kind>.pdf?id=`. */
  documents?: Partial<Record<DocumentKind, DocumentSource>>;
}

export interface ServiceDependencies {
  bus: MessageBus;
  logger?: Logger;
  /** Time source; the system clock unless a test moves time by hand. */
  clock?: Clock;
  /** Observes every consumed message's outcome (metrics, the benchmark). */
  onConsumed?: ConsumerOptions['onOutcome'];
}

export interface SubgraphService {
  readonly name: string;
  readonly deps: ServiceDeps;
  readonly relay: OutboxRelay;
  readonly consumer: InboxConsumer;
  /** pg-boss on the service's database, when the service has timed checks. */
  readonly scheduler?: Scheduler;
  readonly http: Server;
  url?: string;
  /** Listens (port 0 = any free port), starts the relay and the consumer. */
  start(port?: number): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The server factory shared by the three subgraphs: database (migrations
 * applied), outbox + relay, inbox consumer, Apollo subgraph with per-request
 * context, HTTP with /health and /ready. `main.ts` only wires configuration.
 */
export async function createSubgraphService(
  def: SubgraphDefinition,
  config: ServiceConfig,
  d: ServiceDependencies,
): Promise<SubgraphService> {
  const log = d.logger ?? createLogger(def.name, config.logLevel);
  // The region's calendar from here on: "today", deadlines and every date of an instant (kernel dateOf).
  useRegionTimeZone(config.timeZone);
  const orm = await openDatabase(def, config, log);
  keepReferenceData(orm.em, config.referenceDataCacheMs ?? DEFAULT_REFERENCE_DATA_CACHE_MS);
  const clock = await clockOf(config, d.clock ?? systemClock, orm);
  const { relay, consumer, deps } = messagingOf(def, config, { ...d, clock }, orm, log);
  const metrics = new ProcessMetrics(def.name);
  const { apollo, http, readAudit } = await graphqlOf(def, config, d, deps, metrics, consumer);
  const sealer = new AuditSealer(config.databaseUrl, log.child({ component: 'audit-sealer' }));
  const jobs = def.jobs?.(deps) ?? [];
  const scheduler = jobs.length
    ? new Scheduler({
        databaseUrl: config.databaseUrl,
        jobs,
        deps,
        log: log.child({ component: 'scheduler' }),
        pollingIntervalSeconds: config.schedulerPollSeconds,
        expireInSeconds: config.schedulerJobExpireSeconds,
      })
    : undefined;
  deps.scheduler = scheduler;
  const poolMax = config.dbPoolMax;
  registerServiceMetrics(metrics, { orm, relay, consumer, bus: d.bus, poolMax, scheduler: !!scheduler });

  const svc: SubgraphService = {
    name: def.name,
    deps,
    relay,
    consumer,
    scheduler,
    http,
    async start(port = config.port) {
      const p = await listen(http, port, config.host ?? '127.0.0.1');
      svc.url = `http://127.0.0.1:${p}/graphql`;
      relay.start();
      sealer.start();
      // Joining the consumer group (the broker's initial rebalance delay, 3 s) and starting the scheduler overlap.
      await Promise.all([consumer.start(), scheduler?.start()]);
      log.info({ url: svc.url, bus: d.bus.kind }, `${def.name} subgraph ready`);
      return svc.url;
    },
    async stop() {
      await close(http);
      await scheduler?.stop();
      await consumer.stop();
      await relay.stop();
      await sealer.stop();
      await apollo.stop();
      await readAudit.close();
      await orm.close(true);
    },
  };
  return svc;
}

/** The service's database with every committed migration applied (the service's own and the platform's). */
async function openDatabase(def: SubgraphDefinition, config: ServiceConfig, log: Logger): Promise<MikroORM> {
  await waitForDatabase(config.databaseUrl, { timeoutMs: (config.databaseWaitSeconds ?? 0) * 1000, log });
  const orm = await initOrm({
    databaseUrl: config.databaseUrl,
    entities: [RegionalParameterSchema, ...def.entities],
    migrations: [...def.migrations, ...PLATFORM_MIGRATIONS].sort((a, b) => a.name.localeCompare(b.name)),
    poolMax: config.dbPoolMax,
    logger: log,
  });
  const applied = await migrate(orm, config.databaseUrl);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const months = await useRegionMonths(orm.em.fork(), config.timeZone);
  if (months.recounted)
    log.info(
      { timeZone: config.timeZone, tables: months.tables },
      'statistics months on the region calendar: recounted',
    );
  return orm;
}

/**
 * The service's time: the given clock, or — ACCEPTANCE_CLOCK=true outside
 * production — that clock moved by the offset an ADMIN set (kept across
 * restarts in `acceptance_clock`).
 */
async function clockOf(config: ServiceConfig, base: Clock, orm: MikroORM): Promise<Clock> {
  if (!config.acceptanceClock || config.production) return base;
  const clock = new AcceptanceClock(base);
  clock.setOffset(await loadAcceptanceOffset(orm.em.fork(), config.name));
  return clock;
}

/** `main.ts --migrate-only`: the migration step of a deployment (an init container), then exit. */
export async function migrateOnly(def: SubgraphDefinition, config: ServiceConfig, log: Logger): Promise<void> {
  const orm = await openDatabase(def, config, log);
  await orm.close(true);
}

/** The outbox with its relay, the long-lived dependencies use cases get, and the inbox consumer. */
function messagingOf(
  def: SubgraphDefinition,
  config: ServiceConfig,
  d: ServiceDependencies,
  orm: MikroORM,
  log: Logger,
) {
  const relay = new OutboxRelay({
    connectionString: config.databaseUrl,
    bus: d.bus,
    logger: log.child({ component: 'outbox-relay' }),
    batchSize: config.outbox.batchSize,
    idlePollMs: config.outbox.idlePollMs,
    lingerMs: config.outbox.lingerMs,
    standbyPollMs: 2000,
    backoff: defaultBackoff,
    retentionMs: config.outbox.retentionHours * 3600_000,
    republishWindowMs: config.outbox.republishWindowMs,
  });
  const outbox = new Outbox(def.agency, config.topicPrefix, () => relay.kick());
  const deps: ServiceDeps = {
    config,
    orm,
    outbox,
    directory: new CitizenDirectory(config.citizenIdSecret),
    log,
    clock: d.clock ?? systemClock,
    workNorms: def.workNorms,
  };
  const consumer = new InboxConsumer({
    name: def.name,
    orm,
    bus: d.bus,
    outbox,
    handlers: consumerHandlers(def, deps),
    logger: log.child({ component: 'consumer' }),
    maxAttempts: config.consumer.maxAttempts,
    batchSize: config.consumer.batchSize,
    backoff: { initialMs: 100, maxMs: 5_000, factor: 2 },
    onOutcome: d.onConsumed,
  });
  return { relay, consumer, deps };
}

/** Apollo's subgraph with the read-audit plugin, behind the kit's HTTP server (token verified per request). */
async function graphqlOf(
  def: SubgraphDefinition,
  config: ServiceConfig,
  d: ServiceDependencies,
  deps: ServiceDeps,
  metrics: ProcessMetrics,
  consumer: { readonly running: boolean },
) {
  const { orm, log } = deps;
  const readAudit = new ReadAuditWriter(config.databaseUrl, log);
  const auditPlugin: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operationName }) {
          const entries = contextValue.audit.drain(operationName ?? undefined);
          await readAudit.write(contextValue.principal, entries, contextValue.requestId);
        },
      };
    },
  };
  const limits = queryLimits<RequestContext>();
  const apollo = new ApolloServer<RequestContext>({
    schema: closeSdlInProduction(
      guardInputs(buildSubgraphSchema([{ typeDefs: def.typeDefs, resolvers: def.resolvers }])),
      config.production === true,
    ),
    formatError: createFormatError(log),
    // No Apollo Studio here: federated traces would only add bytes to every subgraph response.
    plugins: [
      auditPlugin,
      metrics.graphqlPlugin(),
      ApolloServerPluginInlineTraceDisabled(),
      // No HTTP caching of answers (personal data): cache-control hints would only cost a hook per field.
      ApolloServerPluginCacheControlDisabled(),
      ...limits.plugins,
    ],
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    includeStacktraceInErrorResponses: false,
    // The process owner (main.ts, the launcher) stops things in order; Apollo would re-raise the signal mid-way.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const verify = createTokenVerifier(config.auth);
  const staff = new StaffRegister(orm, def.agency);
  const fromGateway = config.gatewaySecret ? gatewayAssertionVerifier(config.gatewaySecret, def.name) : undefined;
  const http = createGraphQLHttpServer<RequestContext>({
    apollo,
    logger: log,
    metrics,
    routes: def.documents ? documentRoutes(def.documents, readAudit) : undefined,
    readiness: {
      database: async () => void (await orm.em.getConnection().execute('select 1')),
      broker: () => d.bus.ping(),
      // Joined its consumer group: what the service is sent reaches it (the join is started with the scheduler).
      consumer: async () => {
        if (!consumer.running) throw new Error('joining its consumer group');
      },
      // Timed checks and the acceptance clock need the scheduler: not ready before it runs.
      scheduler: async () => {
        if (deps.scheduler && !deps.scheduler.running) throw new Error('starting');
      },
    },
    context: async (req, requestId) => {
      await fromGateway?.(req.headers[GATEWAY_ASSERTION_HEADER] as string | undefined, req.headers.authorization);
      const principal = await verify(req.headers.authorization);
      await staff.saw(principal);
      const em = orm.em.fork();
      return {
        principal,
        em,
        deps,
        audit: new ReadAudit(principal, req.headers[PURPOSE_HEADER] as string | undefined),
        requestId,
        log: log.child({ requestId }),
        loader: loaderRegistry(em),
      };
    },
  });
  return { apollo, http, readAudit };
}

/**
 * In production `_service { sdl }` answers FORBIDDEN: the supergraph is
 * composed at build time, so nobody needs the subgraph's SDL at run time, and
 * it would map the whole API for a prober.
 */
function closeSdlInProduction(schema: GraphQLSchema, production: boolean): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()._service;
  if (production && field)
    field.resolve = () => {
      throw new ForbiddenError('the subgraph schema is composed at build time; _service is closed', {
        rule: 'SDL_CLOSED_IN_PRODUCTION',
      });
    };
  return schema;
}

/**
 * Every message a service consumes: its own handlers and those every
 * service has (identity links, territories, escalations addressed to it).
 * The AsyncAPI document's receive operations are checked against this.
 */
export const consumerHandlers = (def: Pick<SubgraphDefinition, 'handlers' | 'agency'>, deps: ServiceDeps) => [
  ...def.handlers(deps),
  identityLinkedHandler(deps, def.agency),
  territoryDefinedHandler(),
  ...foreignNotificationHandlers(def.agency),
];
