import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { isDomainError } from '@sc/kernel';
import { type Logger } from '@sc/runtime';

/**
 * The one place where errors become GraphQL errors: a DomainError's category
 * becomes `extensions.code`, its code and details (field, rule, …) ride
 * along. Anything else is an unexpected failure: logged, and shown only as
 * INTERNAL_SERVER_ERROR so no internals leak to the client.
 */
export function createFormatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (isDomainError(original)) {
      return {
        ...formatted,
        message: original.message,
        extensions: { code: original.category, domainCode: original.code, ...original.details },
      };
    }
    const code = formatted.extensions?.code;
    if (code && code !== 'INTERNAL_SERVER_ERROR') return formatted; // GraphQL validation, parsing, bad variables
    log.error({ err: original }, 'unexpected error while executing an operation');
    return {
      message: 'internal error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
