import type { EntityManager } from '@mikro-orm/core';
import type { Principal } from '@sc/auth';
import { execInTx } from '@sc/messaging';

export interface AuditEntry {
  citizenId: string;
  operation: string;
  action: 'READ' | 'CHANGE';
  entity?: string;
  entityId?: string;
}

export const SYSTEM_PRINCIPAL = (agency: Principal['agency'], subject: string): Principal => ({
  subject,
  agency,
  roles: ['ADMIN'],
  territory: '*',
});

/** Writes audit rows in the caller's transaction: a change and its audit entry commit together. */
export async function writeAudit(em: EntityManager, p: Principal, entries: AuditEntry[], requestId?: string): Promise<void> {
  if (entries.length === 0) return;
  const values = entries.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
  const params = entries.flatMap((e) => [p.subject, p.agency, `{${p.roles.join(',')}}`, p.territory, e.operation, e.action, e.citizenId, e.entity ?? null, e.entityId ?? null, requestId ?? null]);
  await execInTx(em, `insert into audit_log (subject, agency, roles, territory, operation, action, citizen_id, entity, entity_id, request_id) values ${values}`, params, 'run');
}

/**
 * Reads are collected during a request and written once when the response
 * is sent (one insert per request, not one per field).
 */
export class ReadAudit {
  private readonly seen = new Map<string, AuditEntry>();

  read(citizenId: string, field: string): void {
    const k = `${citizenId}|${field}`;
    if (!this.seen.has(k)) this.seen.set(k, { citizenId, operation: field, action: 'READ', entity: 'Citizen', entityId: citizenId });
  }

  drain(operationName: string | undefined): AuditEntry[] {
    const out = [...this.seen.values()].map((e) => ({ ...e, operation: `${operationName ?? 'anonymous'}:${e.operation}` }));
    this.seen.clear();
    return out;
  }
}
