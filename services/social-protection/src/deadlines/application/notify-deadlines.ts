import { deadlineJob } from '@sc/subgraph-kit';
import { sendCitizenNotice } from '../../citizen-notices/application/send-citizen-notice';
import { monthlyReportDueNotice } from '../../citizen-notices/domain/citizen-notice';
import { loadParameters } from '../../parameters/application/parameter.queries';
import { listDeadlines } from './list-deadlines';

/**
 * ЦСПН's deadline check over the same list a specialist sees in `deadlines`:
 * the decision (10 / 30 days), ПСА activities, monthly reports, control
 * visits, payments, the contract's end, its evaluation, post-contract
 * checkpoints and repayments of every application and contract of the region.
 */
export const socialProtectionDeadlines = deadlineJob({
  name: 'social-protection.deadlines',
  agency: 'SOCIAL_PROTECTION',
  warningDays: async (em, region, today) => (await loadParameters(em, region, today)).get('DEADLINE_WARNING_DAYS'),
  list: async (em, a) =>
    (
      await listDeadlines(em, {
        assignedTo: null,
        region: a.region,
        today: a.today,
        withinDays: a.warningDays,
        inTerritory: { territory: { $like: `${a.region}%` } },
      })
    ).map((d) => ({
      kind: d.kind,
      dueDate: d.dueDate,
      description: d.description,
      caseType: d.contractId ? 'SocialContract' : 'ScApplication',
      caseId: (d.contractId ?? d.applicationId)!,
      territory: d.territory,
      assignedTo: d.assignedTo,
      citizenId: d.citizenId,
    })),
  // The citizen is reminded of the monthly report as its specialist is (M10).
  also: async (tx, d, stage, ctx) => {
    if (d.kind !== 'MONTHLY_REPORT' || stage !== 'APPROACHING' || !d.citizenId) return;
    const notice = monthlyReportDueNotice({ ...d, citizenId: d.citizenId, contractId: d.caseId });
    await sendCitizenNotice(tx, ctx.deps, notice, ctx.now);
  },
});
