// Lint rules for the whole monorepo (syntax-level; type safety is `npm run typecheck`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import graphql from '@graphql-eslint/eslint-plugin';
import { join } from 'node:path';

// The SDL each subgraph serves: the kit's shared types and the service's own file (issue 17).
const COMMON_SDL = 'packages/subgraph-kit/graphql/common.graphql';
const SUBGRAPHS = ['social-protection', 'employment', 'social-service'];

// Schema rules for front-end developers: every definition described (in Russian), names
// by convention, mutations take one `input`, lists that page are Relay connections.
const schemaRules = {
  ...graphql.configs['flat/schema-recommended'].rules,
  // One-line descriptions are "inline", longer ones """block""": both on purpose.
  '@graphql-eslint/description-style': 'off',
  // A subgraph's types are reached through its entities (`_entities`), which the rule does not
  // see; composition (`npm run compose`) already refuses a type nothing can reach.
  '@graphql-eslint/no-unreachable-types': 'off',
  // Value objects (summaries, statistics, signatures) have no identity of their own; every
  // entity carries `id` and `@key`.
  '@graphql-eslint/strict-id-in-types': 'off',
  '@graphql-eslint/require-description': [
    'error',
    {
      types: true,
      rootField: true,
      FieldDefinition: true,
      InputValueDefinition: true,
      EnumValueDefinition: true,
      DirectiveDefinition: true,
    },
  ],
  '@graphql-eslint/input-name': ['error', { checkInputType: false, checkQueries: false }],
  '@graphql-eslint/relay-connection-types': 'error',
  '@graphql-eslint/relay-edge-types': [
    'error',
    { withEdgeSuffix: true, shouldImplementNode: false, listTypeCanWrapOnlyEdgeType: false },
  ],
  '@graphql-eslint/relay-page-info': 'error',
  '@graphql-eslint/relay-arguments': ['error', { includeBoth: false }],
};

const graphqlBlocks = SUBGRAPHS.map((name) => {
  const own = `services/${name}/src/schema/${name}.graphql`;
  return {
    // The shared file is linted once, as part of the first subgraph's schema.
    files: name === SUBGRAPHS[0] ? [own, COMMON_SDL] : [own],
    languageOptions: {
      parser: graphql.parser,
      // Absolute: each workspace's `eslint .` runs from its own folder.
      parserOptions: { graphQLConfig: { schema: [COMMON_SDL, own].map((f) => join(import.meta.dirname, f)) } },
    },
    plugins: { '@graphql-eslint': graphql },
    rules: schemaRules,
  };
});

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/generated/**', '.data/**', '**/*.cjs'] },
  { files: ['**/*.{js,mjs,ts}'], extends: [js.configs.recommended, ...tseslint.configs.recommended] },
  ...graphqlBlocks,
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' },
    },
  },
  {
    files: ['**/*.{js,mjs,ts}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@sc/*/src/*'], message: 'import a package by its name, not its internals' }] },
      ],
    },
  },
  {
    // Domain code is plain TypeScript: no framework imports (ARCHITECTURE.md).
    files: ['services/*/src/**/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@mikro-orm/*', '@apollo/*', 'graphql', 'kafkajs', 'pg'],
              message: 'domain code has no framework imports',
            },
          ],
        },
      ],
    },
  },
  {
    // Small files and functions (ARCHITECTURE.md): a file holds one thing, a function one step.
    files: ['**/*.ts'],
    ignores: ['**/migrations/**', '**/generated/**', '**/test/**', '**/*.spec.ts', 'tools/layer-rules/fixture/**'],
    rules: {
      'max-lines': ['error', { max: 350, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
);
