import { DEV_JWT_SECRET } from '@sc/auth';
import { kafkaConfigFromEnv, kafkaEnvVars, localKafkaEnv, serviceConfigFromEnv } from './service-config';

describe('service configuration from the environment', () => {
  it('reads the prefixed variables first, plain ones as fallback, with defaults', () => {
    const c = serviceConfigFromEnv('social-service', 4003, {
      SOCIAL_SERVICE_DATABASE_URL: 'postgres://a/b',
      DATABASE_URL: 'postgres://x/y',
      PORT: '9',
    });
    expect(c).toMatchObject({
      name: 'social-service',
      port: 9,
      databaseUrl: 'postgres://a/b',
      topicPrefix: '',
      outbox: { batchSize: 500 },
    });
    expect(c.auth.secret).toBe(DEV_JWT_SECRET);
  });

  it('fails fast listing every problem', () => {
    let message = '';
    try {
      serviceConfigFromEnv('employment', 4002, {
        DATABASE_URL: 'mysql://x',
        OUTBOX_BATCH_SIZE: 'many',
        JWT_SECRET: 'short',
      });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^invalid configuration for employment/);
    expect(message).toMatch(/- DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(message).toMatch(/- JWT_SECRET: JWT_SECRET must be at least 32 characters/);
    expect(message).toMatch(/- OUTBOX_BATCH_SIZE: /);
  });

  it('refuses development secrets in production', () => {
    expect(() =>
      serviceConfigFromEnv('employment', 4002, { DATABASE_URL: 'postgres://x/y', NODE_ENV: 'production' }),
    ).toThrow(/JWT_SECRET or JWT_JWKS_URL[\s\S]*CITIZEN_ID_SECRET/);
    expect(() =>
      serviceConfigFromEnv('employment', 4002, {
        DATABASE_URL: 'postgres://x/y',
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(40),
      }),
    ).toThrow(/CITIZEN_ID_SECRET/);
  });

  it('reads Kafka settings only when KAFKA_BROKERS is set', () => {
    expect(kafkaConfigFromEnv({})).toBeNull();
    expect(kafkaConfigFromEnv({ KAFKA_BROKERS: 'a:9092, b:9092', KAFKA_MOCK: 'true' })).toMatchObject({
      brokers: ['a:9092', 'b:9092'],
      mock: true,
      partitionsConsumedConcurrently: undefined,
    });
    expect(() => kafkaConfigFromEnv({ KAFKA_BROKERS: 'a:9092', KAFKA_SASL_MECHANISM: 'kerberos' })).toThrow(
      /KAFKA_SASL_MECHANISM/,
    );
  });
});

describe('Kafka settings handed to a child process', () => {
  it('read back into the same settings', () => {
    const local = localKafkaEnv(['127.0.0.1:39092', '127.0.0.1:39093']);
    expect(kafkaConfigFromEnv(kafkaEnvVars(local))).toEqual({ ...local, partitionsConsumedConcurrently: undefined });
    const tuned = { ...local, mock: false, partitionsConsumedConcurrently: 6 };
    expect(kafkaConfigFromEnv(kafkaEnvVars(tuned))).toEqual(tuned);
  });
});

describe('the region’s time zone', () => {
  const base = { DATABASE_URL: 'postgres://a/b' };

  it('comes from the region by default and can be named; a typo or an unknown region refuses the start', () => {
    expect(serviceConfigFromEnv('employment', 4002, base).timeZone).toBe('Asia/Irkutsk');
    expect(serviceConfigFromEnv('employment', 4002, { ...base, REGION_CODE: '45' }).timeZone).toBe('Europe/Moscow');
    expect(serviceConfigFromEnv('employment', 4002, { ...base, REGION_TIME_ZONE: 'Asia/Chita' }).timeZone).toBe(
      'Asia/Chita',
    );
    expect(() => serviceConfigFromEnv('employment', 4002, { ...base, REGION_TIME_ZONE: 'Asia/Irkutskk' })).toThrow(
      /REGION_TIME_ZONE: Asia\/Irkutskk is not an IANA time zone/,
    );
    expect(() => serviceConfigFromEnv('employment', 4002, { ...base, REGION_CODE: '99' })).toThrow(
      /region 99 has no known time zone/,
    );
  });
});
