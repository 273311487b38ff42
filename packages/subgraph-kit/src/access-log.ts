import { coversTerritory, ForbiddenError } from '@sc/kernel';
import { loadCitizenRecord } from './citizen.resolvers';
import type { RequestContext } from './context';
import { boundedArg } from './read';

export interface AuditRecordView {
  at: Date;
  agency: string;
  subject: string;
  roles: string[];
  operation: string;
  action: string;
  entity: string | null;
  entityId: string | null;
  purpose: string | null;
  chainPos: number | null;
}

/**
 * The citizen's entries of this agency's audit log, newest first. An AUDITOR
 * (of any agency or the ministry) reads the log of a person served in the
 * auditor's territory; a citizen signed in at
 * the state portal (role CITIZEN, the token's subject = their citizen key)
 * reads only their own — what no agency system offers them today. Anyone
 * else is refused with FORBIDDEN. The read of the log is itself audited.
 */
export async function accessLogField(
  ctx: RequestContext,
  citizenId: string,
  field: string,
  first: number | null | undefined,
): Promise<AuditRecordView[]> {
  const p = ctx.principal;
  const ownLog = p.roles.includes('CITIZEN') && p.agency === 'PORTAL' && p.subject === citizenId;
  if (!ownLog && !p.roles.includes('AUDITOR'))
    throw new ForbiddenError(`Citizen.${field} is for auditors and for the citizen themselves`, {
      rule: 'AUDITOR_OR_SELF',
    });
  if (!ownLog) {
    const rec = await loadCitizenRecord(ctx, citizenId);
    if (rec && !coversTerritory(p.territory, rec.territory))
      throw new ForbiddenError(`Citizen.${field}: the person is served outside your territory ${p.territory}`, {
        rule: 'TERRITORY',
      });
  }
  const limit = boundedArg(first, 'first', 100, 500);
  const rows = await ctx.em.getConnection().execute<Record<string, unknown>[]>(
    `select at, agency, subject, roles, operation, action, entity, entity_id, purpose, chain_pos
       from audit_log where citizen_id = ? order by id desc limit ?`,
    [citizenId, limit],
  );
  ctx.audit.read(citizenId, `Citizen.${field}`);
  return rows.map((r: Record<string, unknown>) => ({
    at: new Date(r.at as string),
    agency: r.agency as string,
    subject: r.subject as string,
    roles: r.roles as string[],
    operation: r.operation as string,
    action: r.action as string,
    entity: (r.entity as string | null) ?? null,
    entityId: (r.entity_id as string | null) ?? null,
    purpose: (r.purpose as string | null) ?? null,
    chainPos: r.chain_pos === null ? null : Number(r.chain_pos),
  }));
}
