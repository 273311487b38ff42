/**
 * One jest run for the whole monorepo: one embedded PostgreSQL cluster and
 * one Kafka-protocol broker per run (globalSetup), a database per service per
 * test file. `unit` specs need no I/O; `integration` tests need both servers.
 */
const swc = [
  '@swc/jest',
  { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
];
const common = {
  transform: { '^.+\\.(ts|js|mjs)$': swc },
  // ESM-only packages (jose; pg-boss and its dependencies): Node require()s them, jest cannot, so swc converts them.
  transformIgnorePatterns: ['/node_modules/(?!(jose|pg-boss|serialize-error|non-error|rrule-temporal|temporal-spec)/)'],
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
};
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{packages,services,gateway,infra}/**/src/**/*.spec.ts', '<rootDir>/tools/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{packages,services,gateway,infra}/**/test/**/*.test.ts'],
      globalSetup: '<rootDir>/packages/testing/src/global-setup.ts',
      globalTeardown: '<rootDir>/packages/testing/src/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/packages/testing/src/integration-setup.ts'],
    },
  ],
};
