// Lint rules for the whole monorepo (syntax-level; type safety is `npm run typecheck`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/generated/**', '.data/**', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' },
    },
  },
  {
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
