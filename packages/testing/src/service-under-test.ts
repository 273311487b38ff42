import type { Agency, Clock, Role } from '@sc/kernel';
import type { KafkaBus } from '@sc/messaging';
import type { ServiceConfig, ServiceDependencies, SubgraphService } from '@sc/subgraph-kit';
import { createTestDatabase, graphqlClient, testKafkaBus, testServiceConfig, tokenFor, uniqueSuffix } from './helpers';

type GraphqlClient = ReturnType<typeof graphqlClient>;

/** One subgraph started for a component test file: its own database, topic prefix and broker client. */
export interface ServiceUnderTest {
  svc: SubgraphService;
  bus: KafkaBus;
  /** The subgraph's /graphql URL. */
  url: string;
  /** The service's database URL (tests read tables to prove what was, or was not, written). */
  db: string;
  /** Topic prefix of this file's run. */
  prefix: string;
  /** The default caller's token. */
  token: string;
  call: GraphqlClient['call'];
  ok: GraphqlClient['ok'];
  refused: GraphqlClient['refused'];
}

/**
 * Registers beforeAll/afterAll that start the service against the run's
 * PostgreSQL and broker and stop it again; the returned object is filled in
 * by the time the tests run.
 */
export function serviceUnderTest(o: {
  name: string;
  create: (cfg: ServiceConfig, deps: ServiceDependencies) => Promise<SubgraphService>;
  clock?: Clock;
  caller: { agency: Agency; roles?: Role[]; subject?: string };
  /** Settings that differ from the test defaults (a gateway secret, production mode). */
  config?: Partial<ServiceConfig>;
}): ServiceUnderTest {
  const t = {} as ServiceUnderTest;
  let api: GraphqlClient | undefined;
  const client = (): GraphqlClient => {
    if (!api) throw new Error('the service under test has not started (used outside a test?)');
    return api;
  };
  t.call = (...a) => client().call(...a);
  t.ok = (...a) => client().ok(...a);
  t.refused = (...a) => client().refused(...a);
  beforeAll(async () => {
    const short = o.name.replace(/[^a-z]/g, '').slice(0, 6);
    t.db = await createTestDatabase(short);
    t.prefix = `t${uniqueSuffix()}.`;
    t.bus = testKafkaBus(`${short}-${uniqueSuffix()}`);
    const config = { ...testServiceConfig(o.name, t.db, t.prefix), ...o.config };
    t.svc = await o.create(config, { bus: t.bus, clock: o.clock });
    t.url = await t.svc.start(0);
    t.token = await tokenFor(o.caller.agency, o.caller.roles ?? ['SPECIALIST'], o.caller.subject);
    api = graphqlClient(t.url, t.token, t.db);
  });
  afterAll(async () => {
    await t.svc?.stop();
    await t.bus?.close();
  });
  return t;
}
