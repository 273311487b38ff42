import { z } from 'zod';
import type { KafkaBusOptions } from '@sc/messaging';
import { authConfigFrom, authEnvSchema, type AuthConfig } from '@sc/auth';
import { isTimeZone, REGION_TIME_ZONES } from '@sc/kernel';
import { ConfigError, envBool, envInt, loadConfig } from '@sc/runtime';

/** Everything a service needs, already validated. Tests and the launcher build it directly. */
export interface ServiceConfig {
  name: string;
  port: number;
  databaseUrl: string;
  dbPoolMax: number;
  /** How long start-up waits for the database to take connections (s; 0: one attempt). */
  databaseWaitSeconds?: number;
  auth: AuthConfig;
  citizenIdSecret: string;
  topicPrefix: string;
  /** The subject of the federation the office serves (ОКТМО prefix, 25 = Иркутская область): regional parameters are looked up under it for work no token speaks for (messages). */
  region: string;
  /** IANA time zone of the region: its calendar days are "today" and every deadline (REGION_TIME_ZONE). */
  timeZone: string;
  outbox: {
    batchSize: number;
    idlePollMs: number;
    retentionHours: number;
    republishWindowMs?: number;
    /** Least time between two busy batches (ms): see OutboxRelay's `lingerMs`. */
    lingerMs?: number;
  };
  /** maxAttempts before a dead letter; batchSize records of a partition per transaction (1 = each alone). */
  consumer: { maxAttempts: number; batchSize?: number };
  logLevel: string;
  /** Interface to listen on: loopback by default, so only the gateway on this host reaches the subgraph. */
  host?: string;
  /** Shared with the gateway: when set, every request must carry the gateway's assertion (required in production). */
  gatewaySecret?: string;
  /** NODE_ENV=production: `_service` (the SDL) is closed, the supergraph being composed at build time. */
  production?: boolean;
  /** How long a computed statistics period may be reused (ms; 0 = never): the most the figures lag a change. */
  statisticsCacheMs?: number;
  /** How long the service keeps the production calendar and regional parameters it read (0: read them in every transaction). */
  referenceDataCacheMs?: number;
  /** How often an idle scheduler worker looks for due jobs (s; pg-boss' minimum 0.5). */
  schedulerPollSeconds?: number;
  /** ACCEPTANCE_CLOCK=true: an ADMIN may move this service's clock forward (never in production). */
  acceptanceClock?: boolean;
  /** A check still running after this long is taken for dead (its process killed) and run again (s). */
  schedulerJobExpireSeconds?: number;
}

/** Only for the embedded default and tests; refused with NODE_ENV=production. */
export const DEV_CITIZEN_ID_SECRET = 'dev-only-citizen-key-secret-shared-by-the-three-agencies';

const prefixOf = (service: string) => service.toUpperCase().replace(/-/g, '_');

/**
 * Reads `<SERVICE>_PORT` / `<SERVICE>_DATABASE_URL` (e.g. SOCIAL_SERVICE_PORT)
 * with plain PORT / DATABASE_URL as fallback for one-service containers, plus
 * the shared variables. Fails fast listing every problem.
 */
/** How long a service keeps the reference data it read, unless told (see keepReferenceData). */
export const DEFAULT_REFERENCE_DATA_CACHE_MS = 10_000;

export function serviceConfigFromEnv(
  service: string,
  defaultPort: number,
  env: Record<string, string | undefined> = process.env,
): ServiceConfig {
  const p = prefixOf(service);
  const schema = authEnvSchema.extend({
    PORT: envInt(defaultPort),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
    DB_POOL_MAX: envInt(10),
    DATABASE_WAIT_SECONDS: z.coerce.number().int().min(0).max(600).default(60),
    CITIZEN_ID_SECRET: z.string().min(32, 'CITIZEN_ID_SECRET must be at least 32 characters').optional(),
    KAFKA_TOPIC_PREFIX: z.string().default(''),
    REGION_CODE: z
      .string()
      .regex(/^\d{2}$/, 'must be the two-digit ОКТМО prefix of the region, e.g. 25')
      .default('25'),
    REGION_TIME_ZONE: z.string().optional(),
    OUTBOX_BATCH_SIZE: envInt(500),
    OUTBOX_POLL_INTERVAL_MS: envInt(500),
    OUTBOX_LINGER_MS: z.coerce.number().int().min(0).max(1000).default(10),
    OUTBOX_RETENTION_HOURS: envInt(168),
    // Only for a broker that keeps nothing across its restart (the launcher's local one): republish that window.
    OUTBOX_REPUBLISH_WINDOW_MS: envInt(0),
    CONSUMER_MAX_ATTEMPTS: envInt(5),
    CONSUMER_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
    STATISTICS_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
    REFERENCE_DATA_CACHE_MS: z.coerce.number().int().min(0).max(300_000).default(DEFAULT_REFERENCE_DATA_CACHE_MS),
    SCHEDULER_POLL_SECONDS: z.coerce.number().min(0.5).max(600).default(2),
    ACCEPTANCE_CLOCK: envBool(false),
    SCHEDULER_JOB_EXPIRE_SECONDS: z.coerce.number().int().min(2).max(86_400).default(600),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    HOST: z.string().default('127.0.0.1'),
    GATEWAY_SECRET: z.string().min(32, 'GATEWAY_SECRET must be at least 32 characters').optional(),
    NODE_ENV: z.string().optional(),
  });
  const e = loadConfig(
    schema,
    {
      ...env,
      PORT: env[`${p}_PORT`] ?? env.PORT,
      DATABASE_URL: env[`${p}_DATABASE_URL`] ?? env.DATABASE_URL,
      HOST: env[`${p}_HOST`] ?? env.HOST,
    },
    service,
  );
  const timeZone = regionTimeZoneOf(service, e.REGION_CODE, e.REGION_TIME_ZONE);
  if (e.NODE_ENV === 'production') refuseDevelopmentSettings(service, e);
  return {
    name: service,
    port: e.PORT,
    host: e.HOST,
    gatewaySecret: e.GATEWAY_SECRET,
    production: e.NODE_ENV === 'production',
    databaseUrl: e.DATABASE_URL,
    dbPoolMax: e.DB_POOL_MAX,
    databaseWaitSeconds: e.DATABASE_WAIT_SECONDS,
    auth: authConfigFrom(e),
    citizenIdSecret: e.CITIZEN_ID_SECRET ?? DEV_CITIZEN_ID_SECRET,
    topicPrefix: e.KAFKA_TOPIC_PREFIX,
    region: e.REGION_CODE,
    timeZone,
    outbox: {
      batchSize: e.OUTBOX_BATCH_SIZE,
      idlePollMs: e.OUTBOX_POLL_INTERVAL_MS,
      retentionHours: e.OUTBOX_RETENTION_HOURS,
      republishWindowMs: e.OUTBOX_REPUBLISH_WINDOW_MS || undefined,
      lingerMs: e.OUTBOX_LINGER_MS,
    },
    consumer: { maxAttempts: e.CONSUMER_MAX_ATTEMPTS, batchSize: e.CONSUMER_BATCH_SIZE },
    logLevel: e.LOG_LEVEL,
    statisticsCacheMs: e.STATISTICS_CACHE_MS,
    referenceDataCacheMs: e.REFERENCE_DATA_CACHE_MS,
    schedulerPollSeconds: e.SCHEDULER_POLL_SECONDS,
    acceptanceClock: e.ACCEPTANCE_CLOCK,
    schedulerJobExpireSeconds: e.SCHEDULER_JOB_EXPIRE_SECONDS,
  };
}

/** NODE_ENV=production: every development default and acceptance setting refused, each named. */
function refuseDevelopmentSettings(
  service: string,
  e: {
    JWT_SECRET?: string;
    JWT_JWKS_URL?: string;
    CITIZEN_ID_SECRET?: string;
    GATEWAY_SECRET?: string;
    ACCEPTANCE_CLOCK: boolean;
  },
): void {
  const missing = [
    !e.JWT_SECRET && !e.JWT_JWKS_URL ? '  - JWT_SECRET or JWT_JWKS_URL must be set when NODE_ENV=production' : '',
    !e.CITIZEN_ID_SECRET
      ? '  - CITIZEN_ID_SECRET must be set when NODE_ENV=production (the same in all three agencies)'
      : '',
    !e.GATEWAY_SECRET
      ? '  - GATEWAY_SECRET must be set when NODE_ENV=production (the gateway proves itself to the subgraphs)'
      : '',
    e.ACCEPTANCE_CLOCK ? '  - ACCEPTANCE_CLOCK: the acceptance clock is never on when NODE_ENV=production' : '',
  ].filter(Boolean);
  if (missing.length) throw new ConfigError(`invalid configuration for ${service}:\n${missing.join('\n')}`);
}

/** REGION_TIME_ZONE, else the region's entry in the kernel's table; a typo or an unknown region refuses the start. */
function regionTimeZoneOf(service: string, region: string, explicit: string | undefined): string {
  const timeZone = explicit ?? REGION_TIME_ZONES[region];
  if (timeZone && isTimeZone(timeZone)) return timeZone;
  const why = timeZone ? `${timeZone} is not an IANA time zone` : `region ${region} has no known time zone; set it`;
  throw new ConfigError(`invalid configuration for ${service}:\n  - REGION_TIME_ZONE: ${why} (e.g. Asia/Irkutsk)`);
}

export interface KafkaEnv {
  brokers: string[];
  mock: boolean;
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  maxWaitTimeMs: number;
  partitionsConsumedConcurrently?: number;
  ssl: boolean;
  sasl?: KafkaBusOptions['sasl'];
}

/**
 * Tuning for a local, short-lived cluster such as kcat's mock (DESIGN.md §5):
 * its fetches always wait the full maxWait, and every group join or leave waits
 * sessionTimeout − 1 s, so both are kept small.
 */
export function localKafkaEnv(brokers: string[], o: { mock?: boolean; maxWaitTimeMs?: number } = {}): KafkaEnv {
  return {
    brokers,
    mock: o.mock ?? true,
    sessionTimeoutMs: 6000,
    heartbeatIntervalMs: 500,
    maxWaitTimeMs: o.maxWaitTimeMs ?? 20,
    ssl: false,
  };
}

export function kafkaConfigFromEnv(env: Record<string, string | undefined> = process.env): KafkaEnv | null {
  if (!env.KAFKA_BROKERS) return null;
  const e = loadConfig(
    z.object({
      KAFKA_BROKERS: z.string().min(1),
      KAFKA_MOCK: envBool(false),
      KAFKA_SESSION_TIMEOUT_MS: envInt(30_000),
      KAFKA_HEARTBEAT_INTERVAL_MS: envInt(3_000),
      KAFKA_MAX_WAIT_MS: envInt(100),
      // 0 = one per partition the consumer can hold (its topics × KAFKA_PARTITIONS), see KafkaBus.
      KAFKA_PARTITIONS_CONCURRENTLY: envInt(0),
      KAFKA_SSL: envBool(false),
      KAFKA_SASL_MECHANISM: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']).optional(),
      KAFKA_SASL_USERNAME: z.string().optional(),
      KAFKA_SASL_PASSWORD: z.string().optional(),
    }),
    env,
    'kafka',
  );
  return {
    brokers: e.KAFKA_BROKERS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    mock: e.KAFKA_MOCK,
    sessionTimeoutMs: e.KAFKA_SESSION_TIMEOUT_MS,
    heartbeatIntervalMs: e.KAFKA_HEARTBEAT_INTERVAL_MS,
    maxWaitTimeMs: e.KAFKA_MAX_WAIT_MS,
    partitionsConsumedConcurrently: e.KAFKA_PARTITIONS_CONCURRENTLY || undefined,
    ssl: e.KAFKA_SSL,
    sasl: e.KAFKA_SASL_MECHANISM
      ? ({
          mechanism: e.KAFKA_SASL_MECHANISM,
          username: e.KAFKA_SASL_USERNAME ?? '',
          password: e.KAFKA_SASL_PASSWORD ?? '',
        } as KafkaBusOptions['sasl'])
      : undefined,
  };
}

/** The variables a child process reads back into the same settings (the launcher starts each service with them). */
export function kafkaEnvVars(k: KafkaEnv): Record<string, string> {
  return {
    KAFKA_BROKERS: k.brokers.join(','),
    KAFKA_MOCK: String(k.mock),
    KAFKA_SESSION_TIMEOUT_MS: String(k.sessionTimeoutMs),
    KAFKA_HEARTBEAT_INTERVAL_MS: String(k.heartbeatIntervalMs),
    KAFKA_MAX_WAIT_MS: String(k.maxWaitTimeMs),
    KAFKA_SSL: String(k.ssl),
    ...(k.partitionsConsumedConcurrently
      ? { KAFKA_PARTITIONS_CONCURRENTLY: String(k.partitionsConsumedConcurrently) }
      : {}),
  };
}
