import { addDays, ManualClock } from '@sc/kernel';
import { query, serviceUnderTest } from '@sc/testing';
import { useRegionMonths } from '@sc/subgraph-kit';
import { createSocialProtectionServer } from '../src/server';
import { applicationInput, SUBMIT_APPLICATION } from './applications';

/**
 * The 178-ФЗ decision deadline runs from the application's registration day
 * in Иркутск, not in UTC: an application registered at 00:30 local time is
 * due on the same day as one registered at 11:00, and a day after one
 * registered at 23:30 the evening before — whatever the UTC date says.
 */
describe('ЦСПН deadlines at local midnight (the region’s clock)', () => {
  const clock = new ManualClock('2026-11-23T03:00:00Z');
  const sut = serviceUnderTest({
    name: 'social-protection',
    create: createSocialProtectionServer,
    clock,
    caller: { agency: 'SOCIAL_PROTECTION', roles: ['SPECIALIST'] },
  });
  const MEANS_TEST = `mutation($i: RunMeansTestInput!) { runMeansTest(input: $i) { status } }`;
  const submitted = new Map<number, string>();
  const submitAt = async (
    instant: string,
    seed: number,
    months = ['2026-07', '2026-08', '2026-09'],
  ): Promise<string> => {
    clock.set(instant);
    const r = await sut.ok(SUBMIT_APPLICATION, applicationInput(seed, 'Срокова', months));
    submitted.set(seed, r.submitScApplication.id);
    return r.submitScApplication.decisionDueDate;
  };

  it('counts from the local registration day', async () => {
    const morning = await submitAt('2026-11-23T03:00:00Z', 971); // 23 Nov 11:00 local
    const justAfterMidnight = await submitAt('2026-11-22T16:30:00Z', 972); // 23 Nov 00:30 local, 22 Nov in UTC
    const lateEvening = await submitAt('2026-11-22T15:30:00Z', 973); // 22 Nov 23:30 local
    expect(justAfterMidnight).toBe(morning);
    expect(lateEvening).toBe(addDays(morning, -1));
  });

  it('on New Year’s night the local year chooses the ПМ: 2027 has none yet, so the means test names what is missing', async () => {
    const inBothPeriods = ['2026-09', '2026-10']; // the income periods of 31 December and of 1 January overlap
    await submitAt('2026-12-31T15:30:00Z', 974, inBothPeriods); // 31 Dec 23:30 local: a 2026 application
    await submitAt('2026-12-31T16:30:00Z', 975, inBothPeriods); // 1 Jan 00:30 local: a 2027 one (UTC: still 2026)
    const run = (seed: number) => sut.call(MEANS_TEST, { i: { applicationId: submitted.get(seed) } }, sut.token);
    expect((await run(974)).errors).toBeUndefined();
    expect((await run(975)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.applicationId',
      rule: 'SUBSISTENCE_MINIMUM_MISSING',
      year: 2027,
    });
  });

  it('counts statistics in the local month; a changed zone recounts every counter at start', async () => {
    // 1 December 00:30 local, still 30 November in UTC
    await submitAt('2026-11-30T16:30:00Z', 976, ['2026-08', '2026-09', '2026-10']);
    // The counters by month, and the months the applications' moments fall in on a zone's calendar.
    const months = async () =>
      (
        await query(
          sut.db,
          `select month, sum(n)::int as n from stat_counter where indicator = 'APPLICATIONS' group by 1 order by 1`,
        )
      ).map((r) => `${r.month}:${r.n}`);
    const monthsIn = async (zone: string) =>
      (
        await query(
          sut.db,
          `select to_char(submitted_at at time zone $1, 'YYYY-MM') as month, count(*)::int as n
             from sc_application group by 1 order by 1`,
          [zone],
        )
      ).map((r) => `${r.month}:${r.n}`);
    expect(await months()).toEqual(await monthsIn('Asia/Irkutsk'));
    expect(await monthsIn('Asia/Irkutsk')).not.toEqual(await monthsIn('UTC')); // the 00:30 application tells them apart
    const em = sut.svc.deps.orm.em.fork();
    // The same zone again: nothing to do. Another zone: the counters follow it, recounted from the sources.
    expect((await useRegionMonths(em, 'Asia/Irkutsk')).recounted).toBe(false);
    const utc = await useRegionMonths(em, 'UTC');
    expect(utc.recounted).toBe(true);
    expect(utc.tables).toContain('sc_application');
    expect(await months()).toEqual(await monthsIn('UTC'));
    expect((await useRegionMonths(em, 'Asia/Irkutsk')).recounted).toBe(true);
    expect(await months()).toEqual(await monthsIn('Asia/Irkutsk'));
  });
});
