import { inChange, findCase, type CaseContext } from '@sc/subgraph-kit';
import { ConflictError, type IsoDate } from '@sc/kernel';
import { CASE_WORK } from '../../access';
import { ContractSupport } from '../../contract-support/domain/contract-support';
import { JobSeekerRegistration } from '../../registrations/domain/job-seeker-registration';
import { reportToSocialProtection } from '../../reports/application/report-to-social-protection';
import { TrainingReferral } from '../domain/training-referral';

/** Направление на обучение: for a contract holder the cost is checked against the contract's training cap (M2). */
export function referToTraining(
  ctx: CaseContext,
  i: {
    registrationId: string;
    programme: string;
    provider: string;
    startDate: IsoDate;
    endDate: IsoDate;
    costKopecks: number;
  },
): Promise<TrainingReferral> {
  return inChange(ctx, 'referToTraining', CASE_WORK, async (tx, c) => {
    const r = await findCase(tx, c, JobSeekerRegistration, i.registrationId, 'input.registrationId');
    if (!r.isActive())
      throw new ConflictError(
        'REGISTRATION_CLOSED',
        `JobSeekerRegistration in state ${r.status} cannot refer to training`,
        { rule: 'STATE_MACHINE', currentState: r.status, attemptedAction: 'referToTraining' },
      );
    const support = await tx.findOne(ContractSupport, { citizenId: r.citizenId }, { orderBy: { receivedAt: 'desc' } });
    const open = support?.isOpen() ? support : null;
    const t = TrainingReferral.refer({
      ...i,
      citizenId: r.citizenId,
      territory: r.territory,
      registrationId: r.id,
      contractId: open?.id,
      psaActivityId: open?.activityFor('VOCATIONAL_TRAINING')?.activityId,
      capKopecks: open?.trainingCapKopecks,
      today: c.today,
      by: c.by,
      now: c.now,
    });
    tx.persist(t);
    await tx.flush();
    await reportToSocialProtection(
      ctx.deps,
      tx,
      r.citizenId,
      {
        kind: 'TRAINING_REFERRED',
        training: { programme: t.programme, provider: t.provider, costKopecks: t.costKopecks },
        occurredOn: c.today,
      },
      'VOCATIONAL_TRAINING',
      open,
    );
    c.audit(r, 'TrainingReferral', t.id);
    return t;
  });
}

const KIND = { START: 'TRAINING_STARTED', COMPLETE: 'TRAINING_COMPLETED', DROP: 'TRAINING_DROPPED' } as const;

/** Обучение начато / завершено с документом / прекращено с причиной; ЦСПН hears each (M3). */
export function updateTrainingReferral(
  ctx: CaseContext,
  i: {
    trainingReferralId: string;
    action: 'START' | 'COMPLETE' | 'DROP';
    on: IsoDate;
    certificate?: string | null;
    reason?: string | null;
  },
): Promise<TrainingReferral> {
  return inChange(ctx, 'updateTrainingReferral', CASE_WORK, async (tx, c) => {
    const t = await findCase(tx, c, TrainingReferral, i.trainingReferralId, 'input.trainingReferralId');
    t.move(i.action === 'START' ? 'start' : i.action === 'COMPLETE' ? 'complete' : 'drop', i.on, c.today, i);
    await tx.flush();
    await reportToSocialProtection(
      ctx.deps,
      tx,
      t.citizenId,
      {
        kind: KIND[i.action],
        training: {
          programme: t.programme,
          provider: t.provider,
          costKopecks: t.costKopecks,
          certificate: t.certificate ?? undefined,
          reason: t.dropReason ?? undefined,
        },
        occurredOn: i.on,
      },
      'VOCATIONAL_TRAINING',
    );
    c.audit(t, 'TrainingReferral', t.id);
    return t;
  });
}
