import type { NeedsQuestionnaire } from '@sc/contracts';
import { uuidv7, ValidationError } from '@sc/kernel';

/** Обстоятельства нуждаемости, 442-ФЗ ст. 15 (DOMAIN.md §8). */
export const NEED_CIRCUMSTANCES = [
  'LOST_SELF_CARE',
  'DISABLED_FAMILY_MEMBER',
  'CHILD_ADAPTATION_DIFFICULTIES',
  'NO_CARE_AVAILABLE',
  'FAMILY_CONFLICT_OR_VIOLENCE',
  'NO_FIXED_ABODE',
  'NO_WORK_NO_INCOME',
  'OTHER_REGIONAL',
] as const;
export type NeedCircumstance = (typeof NEED_CIRCUMSTANCES)[number];

export type ServiceApplicationStatus = 'REGISTERED';

/** Заявление в КЦСОН с анкетой о потребностях (seed 000, left column, step 1). */
export class ServiceApplication {
  id!: string;
  citizenId!: string;
  /** ОКТМО района (городского округа), чей КЦСОН ведёт дело. */
  territory!: string;
  status!: ServiceApplicationStatus;
  needs!: NeedsQuestionnaire;
  circumstances!: NeedCircumstance[];
  submittedAt!: Date;
  registeredBy!: string;

  static register(a: {
    citizenId: string;
    territory: string;
    needs: Omit<NeedsQuestionnaire, 'comment'> & { comment?: string | null };
    circumstances: NeedCircumstance[];
    registeredBy: string;
    now: Date;
  }): ServiceApplication {
    if (a.needs.comment && a.needs.comment.length > 2000) {
      throw new ValidationError('input.needs.comment', 'MAX_LENGTH', 'must be at most 2000 characters');
    }
    const unique = [...new Set(a.circumstances)];
    const app = new ServiceApplication();
    Object.assign(app, {
      id: uuidv7(a.now.getTime()),
      citizenId: a.citizenId,
      territory: a.territory,
      status: 'REGISTERED',
      needs: { ...a.needs, comment: a.needs.comment?.trim() || undefined },
      circumstances: unique,
      submittedAt: a.now,
      registeredBy: a.registeredBy,
    });
    return app;
  }
}
