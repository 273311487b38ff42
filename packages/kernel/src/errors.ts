/**
 * Coded domain errors. Every error a user can cause carries a stable string
 * `code` (what went wrong, for programs) and a `category` that is mapped once,
 * in the GraphQL layer, to `extensions.code`. Anything that is not a
 * DomainError is a programmer or operational error and is never shown raw.
 */
export type ErrorCategory = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'UNAUTHENTICATED';

export interface DomainErrorDetails {
  /** Input path of the offending field, e.g. `citizen.snils`. */
  field?: string;
  /** The rule that was broken, e.g. `SNILS_CHECKSUM`. */
  rule?: string;
  [key: string]: unknown;
}

export class DomainError extends Error {
  constructor(
    readonly category: ErrorCategory,
    readonly code: string,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

export class ValidationError extends DomainError {
  constructor(field: string, rule: string, message: string, extra: Record<string, unknown> = {}) {
    super('BAD_USER_INPUT', rule, `${field}: ${message}`, { field, rule, ...extra });
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id: string, field?: string) {
    super('NOT_FOUND', `${entity.toUpperCase()}_NOT_FOUND`, `${entity} ${id} not found`, {
      field,
      rule: 'MUST_EXIST',
      entity,
      id,
    });
  }
}

/** An illegal state transition or a uniqueness clash. */
export class ConflictError extends DomainError {
  constructor(code: string, message: string, details: DomainErrorDetails = {}) {
    super('CONFLICT', code, message, details);
  }
}

export class IllegalTransitionError extends ConflictError {
  constructor(entity: string, from: string, action: string) {
    super('ILLEGAL_TRANSITION', `${entity} in state ${from} cannot ${action}`, {
      entity,
      currentState: from,
      attemptedAction: action,
      rule: 'STATE_MACHINE',
    });
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string, details: DomainErrorDetails = {}) {
    super('FORBIDDEN', 'FORBIDDEN', message, details);
  }
}

/**
 * The caller is not authenticated. The client is told only that the token
 * was refused; `reason` (which claim, which check) is for the server's log,
 * so a prober learns nothing about what to forge next.
 */
export class UnauthenticatedError extends DomainError {
  constructor(readonly reason = 'no bearer token') {
    super('UNAUTHENTICATED', 'UNAUTHENTICATED', 'the bearer token was refused');
  }
}
