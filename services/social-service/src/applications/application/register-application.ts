import type { EntityManager } from '@mikro-orm/core';
import type { Principal } from '@sc/auth';
import { authorize } from '@sc/auth';
import type { NeedsQuestionnaire } from '@sc/contracts';
import { validatePerson, writeAudit, type PersonInput, type ServiceDeps } from '@sc/subgraph-kit';
import { ServiceApplication, type NeedCircumstance } from '../domain/service-application';

export const INTAKE_ACCESS = { agencies: ['SOCIAL_SERVICE'], roles: ['SPECIALIST', 'HEAD'] } as const;

export interface RegisterApplicationInput {
  citizen: PersonInput;
  needs: Omit<NeedsQuestionnaire, 'comment'> & { comment?: string | null };
  circumstances: NeedCircumstance[];
}

/** Приём заявления и анкетирование: registers the person if new, then the application. */
export async function registerApplication(
  deps: ServiceDeps,
  p: Principal,
  em: EntityManager,
  input: RegisterApplicationInput,
): Promise<ServiceApplication> {
  authorize(p, INTAKE_ACCESS, 'registerSocialServiceApplication');
  const person = validatePerson(input.citizen, 'input.citizen');
  return em.transactional(async (tx) => {
    const { citizen } = await deps.directory.register(tx, person);
    const app = ServiceApplication.register({
      citizenId: citizen.id,
      needs: input.needs,
      circumstances: input.circumstances,
      registeredBy: p.subject,
      now: new Date(),
    });
    tx.persist(app);
    await tx.flush();
    await writeAudit(tx, p, [
      {
        citizenId: citizen.id,
        operation: 'registerSocialServiceApplication',
        action: 'CHANGE',
        entity: 'SocialServiceApplication',
        entityId: app.id,
      },
    ]);
    return app;
  });
}
