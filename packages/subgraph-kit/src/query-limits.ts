import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { ValidationRule } from 'graphql';

/**
 * Query limits (GraphQL Armor): depth 6, 15 aliases, cost 12,000, 1,000
 * tokens, 50 directives, and no "Did you mean …" suggestions
 * (they map the schema for a prober). The gateway applies them to what
 * clients send and every subgraph again to what reaches it, so a subgraph
 * is not the soft spot. Introspection is counted out of depth and cost.
 * A refused document answers GRAPHQL_VALIDATION_FAILED before any execution.
 * Fragments are flattened (a fragment is not a level of nesting). The cost
 * limit is Armor's 5,000 raised to 12,000 for one legitimate query: the
 * ministry's full dashboard, every indicator of the three agencies with every
 * value field (≈ 9,000 by Armor's count, which measures breadth; the answer
 * is read from counters, so it is cheap to run).
 */
export function queryLimits<C extends BaseContext>(): {
  plugins: ApolloServerPlugin<C>[];
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
} {
  const armor = new ApolloArmor({
    maxDepth: { n: 6, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: 15 },
    costLimit: { maxCost: 12_000, ignoreIntrospection: true, flattenFragments: true },
    // The token limit is graphql-js's own (parseOptions): a plugin that throws while parsing answers HTTP 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: 50 },
    blockFieldSuggestion: { enabled: true },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins: plugins as ApolloServerPlugin<C>[], validationRules, parseOptions: { maxTokens: 1000 } };
}
