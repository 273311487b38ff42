import { parameterMissingV1 } from '@sc/contracts';
import { dateOf, uuidv7 } from '@sc/kernel';
import { notify, type JobContext } from '@sc/subgraph-kit';
import { SubsistenceMinimumRecord } from '../domain/subsistence-minimum';

/** From this day of the year the next year's ПМ is looked for (1 December: a month for the ADMIN to enter it). */
const WARN_FROM = '12-01';

/**
 * Scheduled check: from 1 December, the next year's прожиточный минимум of
 * every territorial zone the region uses this year must be entered, or from
 * 1 January every means test and contract is refused. The region's ADMINs
 * are told once per region and year (sc.notifications.v1), however often the
 * check runs.
 */
export async function warnMissingNextYearPm(ctx: JobContext): Promise<void> {
  const today = dateOf(ctx.now);
  if (today.slice(5) < WARN_FROM) return;
  const { region } = ctx.deps.config;
  const year = Number(today.slice(0, 4)) + 1;
  const em = ctx.deps.orm.em.fork();
  const zonesNow = new Set((await em.find(SubsistenceMinimumRecord, { region, year: year - 1 })).map((r) => r.zone));
  if (zonesNow.size === 0) zonesNow.add('WHOLE_REGION');
  const entered = new Set((await em.find(SubsistenceMinimumRecord, { region, year })).map((r) => r.zone));
  const missing = [...zonesNow].filter((z) => !entered.has(z)).sort();
  if (missing.length === 0) return;
  const office = `${region}000000`;
  const made = await ctx.once(`${region}:${year}`, async (tx) => {
    await notify(tx, ctx.deps, parameterMissingV1, {
      notificationId: uuidv7(ctx.now.getTime()),
      recipient: { role: 'ADMIN', agency: 'SOCIAL_PROTECTION', territory: office },
      parameter: 'SUBSISTENCE_MINIMUM',
      region,
      year,
      missing,
      neededFrom: `${year}-01-01`,
      detectedAt: ctx.now.toISOString(),
    });
  });
  if (made) ctx.log.warn({ region, year, missing }, 'the next year’s ПМ is missing: ADMINs told');
}
