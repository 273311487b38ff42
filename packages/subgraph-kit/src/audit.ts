import type { EntityManager } from '@mikro-orm/core';
import type { Principal } from '@sc/auth';
import { ForbiddenError, type Role } from '@sc/kernel';
import { appendRows } from '@sc/messaging';

/** The header in which a client states why it reads personal data; the gateway forwards it. */
export const PURPOSE_HEADER = 'x-purpose';

/** Roles that work cases and so must say why they open a person's data. */
const CASE_WORKER_ROLES: readonly Role[] = ['SPECIALIST', 'HEAD', 'COMMISSION_MEMBER'];

export interface AuditEntry {
  citizenId: string;
  operation: string;
  action: 'READ' | 'CHANGE';
  entity?: string;
  entityId?: string;
  /** Why the user read the data, as their client stated it (X-Purpose), e.g. the case being worked on. */
  purpose?: string;
}

export const SYSTEM_PRINCIPAL = (agency: Principal['agency'], subject: string): Principal => ({
  subject,
  agency,
  roles: ['ADMIN'],
  territory: '*',
});

export const AUDIT_COLUMNS = [
  'subject',
  'agency',
  'roles',
  'territory',
  'operation',
  'action',
  'citizen_id',
  'entity',
  'entity_id',
  'request_id',
  'purpose',
] as const;

/** The audit_log row of one entry, in AUDIT_COLUMNS order. */
export const auditRow = (p: Principal, e: AuditEntry, requestId?: string): unknown[] => [
  p.subject,
  p.agency,
  `{${p.roles.join(',')}}`,
  p.territory,
  e.operation,
  e.action,
  e.citizenId,
  e.entity ?? null,
  e.entityId ?? null,
  requestId ?? null,
  e.purpose ?? null,
];

const AUDIT_INSERT = `insert into audit_log (${AUDIT_COLUMNS.join(', ')})`;

/** INSERT for `rows` audit rows; `placeholder(i)` names the i-th parameter in the driver's style. */
export function auditInsertSql(rows: number, placeholder: (i: number) => string): string {
  const n = AUDIT_COLUMNS.length;
  const values = Array.from(
    { length: rows },
    (_, r) => `(${AUDIT_COLUMNS.map((_, c) => placeholder(r * n + c + 1)).join(', ')})`,
  ).join(', ');
  return `${AUDIT_INSERT} values ${values}`;
}

/** Writes audit rows in the caller's transaction: a change and its audit entry commit together. */
export async function writeAudit(
  em: EntityManager,
  p: Principal,
  entries: AuditEntry[],
  requestId?: string,
): Promise<void> {
  if (entries.length === 0) return;
  // In a consumer's batch, gathered into one INSERT at the batch's end.
  await appendRows(em, {
    head: AUDIT_INSERT,
    row: `(${AUDIT_COLUMNS.map(() => '?').join(', ')})`,
    rows: entries.map((e) => auditRow(p, e, requestId)),
  });
}

/**
 * Reads are collected during a request (each citizen and field once) and
 * handed to the ReadAuditWriter when the response is sent.
 */
export class ReadAudit {
  private readonly seen = new Map<string, AuditEntry>();
  private readonly purpose?: string;

  /**
   * `purpose` is the X-Purpose header. A case worker (specialist, head,
   * commission member) must state one to read personal data: every read is
   * then recorded with its reason, as 152-ФЗ asks. Auditors and the citizen
   * themselves read without one.
   */
  constructor(
    private readonly principal?: Principal,
    purpose?: string,
  ) {
    const clean = purpose
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
      ?.replace(/[\u0000-\u001f\u007f]/g, ' ')
      .trim()
      .slice(0, 200);
    this.purpose = clean || undefined;
  }

  read(citizenId: string, field: string): void {
    if (!this.purpose && this.principal?.roles.some((r) => CASE_WORKER_ROLES.includes(r)))
      throw new ForbiddenError("state why you read this person's data (the X-Purpose header, e.g. the case)", {
        rule: 'PURPOSE_REQUIRED',
      });
    const k = `${citizenId}|${field}`;
    if (!this.seen.has(k))
      this.seen.set(k, {
        citizenId,
        operation: field,
        action: 'READ',
        entity: 'Citizen',
        entityId: citizenId,
        purpose: this.purpose,
      });
  }

  drain(operationName: string | undefined): AuditEntry[] {
    const out = [...this.seen.values()].map((e) => ({
      ...e,
      operation: `${operationName ?? 'anonymous'}:${e.operation}`,
    }));
    this.seen.clear();
    return out;
  }
}
