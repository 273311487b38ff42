import type { NeedsQuestionnaire } from '@sc/contracts';
import { inChange, openingTerritory, validatePerson, type CaseContext, type PersonInput } from '@sc/subgraph-kit';
import { ServiceApplication, type NeedCircumstance } from '../domain/service-application';

export const INTAKE_ACCESS = { agencies: ['SOCIAL_SERVICE'], roles: ['SPECIALIST', 'HEAD'] } as const;

export interface RegisterApplicationInput {
  citizen: PersonInput;
  needs: Omit<NeedsQuestionnaire, 'comment'> & { comment?: string | null };
  circumstances: NeedCircumstance[];
  /** ОКТМО района; the worker's own district when omitted. */
  territory?: string | null;
}

/** Приём заявления и анкетирование: registers the person if new, then the application. */
export function registerApplication(ctx: CaseContext, input: RegisterApplicationInput): Promise<ServiceApplication> {
  return inChange(ctx, 'registerSocialServiceApplication', INTAKE_ACCESS, async (tx, c) => {
    const person = validatePerson(input.citizen, 'input.citizen', c.today);
    const territory = await openingTerritory(tx, c.p, input.territory, 'input.territory', c.today);
    const { citizen } = await ctx.deps.directory.register(tx, person, { territory });
    const app = ServiceApplication.register({
      citizenId: citizen.id,
      territory,
      needs: input.needs,
      circumstances: input.circumstances,
      registeredBy: c.by,
      now: c.now,
    });
    tx.persist(app);
    c.audit(app, 'SocialServiceApplication', app.id);
    return app;
  });
}
