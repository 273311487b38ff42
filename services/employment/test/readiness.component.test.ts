import { InProcessBus, type SubscribeOptions, type Subscription } from '@sc/messaging';
import type { SubgraphService } from '@sc/subgraph-kit';
import { createTestDatabase, eventually, testServiceConfig, uniqueSuffix } from '@sc/testing';
import { createEmploymentServer } from '../src/server';

/** A bus whose consumer-group join lasts until the test lets it finish (Kafka's join takes seconds). */
class JoinHeldBus extends InProcessBus {
  release!: () => void;
  private readonly held = new Promise<void>((r) => (this.release = r));

  override async subscribe(o: SubscribeOptions): Promise<Subscription> {
    await this.held;
    return super.subscribe(o);
  }
}

const readiness = async (url: string) => {
  const r = await fetch(url.replace('/graphql', '/ready'));
  return { status: r.status, body: (await r.json()) as { status: string; checks: Record<string, string> } };
};

/**
 * /ready (what the launcher, the gateway and Kubernetes wait for) says
 * ready only once the service's consumer has joined its group — the join
 * now runs beside the scheduler's start, so readiness checks it by name
 * rather than by the order of start-up.
 */
describe('ЦЗН readiness (component, real PostgreSQL)', () => {
  let svc: SubgraphService | undefined;
  afterAll(() => svc?.stop());

  it('answers 503 while its consumer is joining, 200 once it has joined', async () => {
    const db = await createTestDatabase('ready');
    const bus = new JoinHeldBus();
    svc = await createEmploymentServer(testServiceConfig('employment', db, `r${uniqueSuffix()}.`), { bus });
    const started = svc.start(0);
    const url = await eventually(async () => svc!.url, 20_000, 20);
    // The scheduler starts meanwhile; the consumer is still joining.
    const before = await eventually(async () => {
      const r = await readiness(url);
      return r.body.checks.scheduler === 'ok' ? r : undefined;
    }, 20_000);
    expect(before.status).toBe(503);
    expect(before.body).toMatchObject({ status: 'not ready', checks: { database: 'ok', broker: 'ok' } });
    expect(before.body.checks.consumer).toMatch(/^unavailable: joining its consumer group/);

    bus.release();
    await started;
    expect(await readiness(url)).toEqual({
      status: 200,
      body: { status: 'ready', checks: { database: 'ok', broker: 'ok', consumer: 'ok', scheduler: 'ok' } },
    });
  });
});
