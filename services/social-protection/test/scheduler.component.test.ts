import { deadlineV1, parameterMissingV1 } from '@sc/contracts';
import { ManualClock } from '@sc/kernel';
import { discardDeadLetters, replayDeadLetters } from '@sc/messaging';
import { Scheduler } from '@sc/subgraph-kit';
import { eventually, metric, query, scrape, serviceUnderTest, tokenFor } from '@sc/testing';
import { createSocialProtectionServer } from '../src/server';
import { applicationInput, SUBMIT_APPLICATION } from './applications';

/** pg-boss keeps its jobs in the service's database: a run is done when its row says so. */
const settled = (db: string, id: string) =>
  eventually(async () => {
    const [row] = await query(db, `select state from pgboss.job where id = $1`, [id]);
    return row && ['completed', 'failed'].includes(row.state) ? row.state : undefined;
  }, 20_000);

/**
 * ЦСПН's scheduler (pg-boss on its own database): the next year's ПМ
 * missing on 1 December tells the region's ADMINs once, however often the
 * check runs; a job that keeps failing ends in the dead-letter store with
 * its error after its retries.
 */
describe('ЦСПН scheduled checks (component, real PostgreSQL and broker)', () => {
  const clock = new ManualClock('2026-11-30T03:00:00Z');
  const sut = serviceUnderTest({
    name: 'social-protection',
    create: createSocialProtectionServer,
    clock,
    caller: { agency: 'SOCIAL_PROTECTION' },
  });
  const warnings = () =>
    query(sut.db, `select key, payload from outbox_message where type = $1`, [parameterMissingV1.type]);

  it('warns the region’s ADMINs once from 1 December (local) that the next year’s ПМ is missing', async () => {
    const run = async () => settled(sut.db, await sut.svc.scheduler!.runNow('social-protection.pm-next-year'));
    expect(sut.svc.scheduler!.jobNames).toContain('social-protection.pm-next-year');
    expect(await run()).toBe('completed');
    expect(await warnings()).toEqual([]); // 30 November: not yet

    clock.set('2026-11-30T16:30:00Z'); // 1 December, 00:30 in Иркутск
    expect(await run()).toBe('completed');
    expect(await run()).toBe('completed');
    const sent = await warnings();
    expect(sent).toHaveLength(1);
    expect(sent[0].key).toBe('SOCIAL_PROTECTION:ADMIN:25000000');
    expect(parameterMissingV1.schema.parse(JSON.parse(sent[0].payload))).toMatchObject({
      recipient: { role: 'ADMIN', agency: 'SOCIAL_PROTECTION', territory: '25000000' },
      parameter: 'SUBSISTENCE_MINIMUM',
      year: 2027,
      missing: ['FAR_NORTH', 'OTHER_AREAS', 'WHOLE_REGION'],
      neededFrom: '2027-01-01',
    });
    // Operators see the runs on /metrics.
    const m = await scrape(sut.url);
    expect(metric(m, 'scheduler_jobs', { queue: 'social-protection.pm-next-year', state: 'completed' })).toBe(3);
  });

  it('tells the specialist once that a decision is due in 3 days, and once that it was missed', async () => {
    clock.set('2026-12-01T03:00:00Z');
    const app = (await sut.ok(SUBMIT_APPLICATION, applicationInput(981, 'Срочная', ['2026-08', '2026-09', '2026-10'])))
      .submitScApplication;
    expect(app.decisionDueDate).toBe('2026-12-11');
    const run = async (at: string) => {
      clock.set(at);
      expect(await settled(sut.db, await sut.svc.scheduler!.runNow('social-protection.deadlines'))).toBe('completed');
    };
    const about = async () =>
      (await query(sut.db, `select key, payload from outbox_message where type = $1`, [deadlineV1.type]))
        .map((r) => ({ key: r.key, ...deadlineV1.schema.parse(JSON.parse(r.payload)) }))
        .filter((n) => n.caseId === app.id);
    await run('2026-12-07T03:00:00Z'); // 4 days before: not yet (DEADLINE_WARNING_DAYS = 3)
    expect(await about()).toEqual([]);
    await run('2026-12-08T03:00:00Z');
    await run('2026-12-08T05:00:00Z');
    expect(await about()).toEqual([
      expect.objectContaining({
        key: 'social_protection-tester',
        recipient: { subject: 'social_protection-tester', agency: 'SOCIAL_PROTECTION' },
        stage: 'APPROACHING',
        kind: 'APPLICATION_DECISION',
        dueDate: '2026-12-11',
        caseType: 'ScApplication',
      }),
    ]);
    await run('2026-12-11T15:00:00Z'); // 23:00 local on the due day: still approaching, nothing new
    expect(await about()).toHaveLength(1);
    await run('2026-12-11T16:30:00Z'); // 00:30 local on the 12th: missed
    await run('2026-12-12T03:00:00Z');
    expect((await about()).map((n) => n.stage)).toEqual(['APPROACHING', 'MISSED']);
  });

  it('lists each user’s own notifications, newest first, and marks them read', async () => {
    const LIST = `query($u: Boolean) { socialProtectionNotifications(unreadOnly: $u) {
      totalCount edges { node { id type text stage dueDate caseType read } } } }`;
    const MARK = `mutation($i: MarkNotificationsReadInput!) { markSocialProtectionNotificationsRead(input: $i) }`;
    const mine = (await sut.ok(LIST, {})).socialProtectionNotifications;
    expect(mine.edges.map((e: any) => [e.node.type, e.node.stage])).toEqual([
      ['notification.deadline.v1', 'MISSED'],
      ['notification.deadline.v1', 'APPROACHING'],
    ]);
    expect(mine.edges[0].node.text).toBe('решение о назначении помощи: срок 2026-12-11 пропущен');
    // The ПМ warning is for the region's ADMINs, not for a district specialist; an ADMIN of the region sees it.
    const admin = await tokenFor('SOCIAL_PROTECTION', ['ADMIN'], 'admin-25', '25000000');
    const adminList = (await sut.call(LIST, {}, admin)).data.socialProtectionNotifications;
    expect(adminList.edges.map((e: any) => e.node.type)).toContain('notification.parameter-missing.v1');
    const adminOnly = adminList.edges.find((e: any) => e.node.type === 'notification.parameter-missing.v1').node.id;

    expect(await sut.ok(MARK, { i: { ids: [mine.edges[1].node.id] } })).toEqual({
      markSocialProtectionNotificationsRead: 1,
    });
    const unread = (await sut.ok(LIST, {})).socialProtectionNotifications;
    expect(unread.totalCount).toBe(1);
    const all = (await sut.ok(LIST, { u: false })).socialProtectionNotifications;
    expect(all.edges.map((e: any) => e.node.read)).toEqual([false, true]);
    // Somebody else's notification, or not an id: refused, nothing marked.
    const refused = await sut.call(MARK, { i: { ids: [mine.edges[0].node.id, adminOnly] } }, sut.token);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ field: 'input.ids[1]', rule: 'NOT_YOURS' });
    const bad = await sut.call(MARK, { i: { ids: ['x'] } }, sut.token);
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.ids[0]',
      rule: 'UUID',
    });
    expect((await sut.ok(LIST, {})).socialProtectionNotifications.totalCount).toBe(1);
  });

  it('retries a failing job with backoff and then dead-letters it with its error', async () => {
    let tries = 0;
    const failing = new Scheduler({
      databaseUrl: sut.db,
      deps: sut.svc.deps,
      log: sut.svc.deps.log,
      pollingIntervalSeconds: 0.5,
      jobs: [
        {
          name: 'social-protection.test-failing',
          cron: '0 3 1 1 *',
          retryLimit: 1,
          retryDelaySeconds: 1,
          run: async () => {
            tries++;
            throw new Error('the check could not read its table');
          },
        },
      ],
    });
    await failing.start();
    try {
      const id = await failing.runNow('social-protection.test-failing');
      const [dead] = await eventually(async () => {
        const rows = await query(sut.db, `select * from dead_letter where consumer = 'scheduler' and message_id = $1`, [
          id,
        ]);
        return rows.length ? rows : undefined;
      }, 30_000);
      expect(tries).toBe(2);
      expect(dead).toMatchObject({
        type: 'social-protection.test-failing',
        error_code: 'JOB_FAILED',
        status: 'PENDING',
      });
      expect(dead.error).toContain('the check could not read its table');
      // A job is not a message: replay leaves it (the check runs again on its schedule); discard resolves it.
      const em = sut.svc.deps.orm.em.fork();
      expect(await replayDeadLetters(em, sut.svc.deps.outbox, [dead.id])).toBe(0);
      expect(await discardDeadLetters(em, [dead.id])).toBe(1);
    } finally {
      await failing.stop();
    }
  }, 60_000);
});
