/**
 * Layer rules, checked in `npm test` (npm run depcheck) — ARCHITECTURE.md,
 * "Layers", says why each exists. Paths are relative to the repository root.
 * A module is a folder under services/<service>/src/ other than the
 * service-wide ones (graphql, migrations, generated, schema).
 * tools/layer-rules/ holds a fixture that breaks each rule once.
 */
const SERVICE_WIDE = '(?:graphql|migrations|generated|schema)/';
const MODULE = `^services/([^/]+)/src/(?!${SERVICE_WIDE})([^/]+)/`;

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'A cycle makes load order and layering meaningless.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-plain',
      comment:
        'domain/ imports only the kernel, the published message language (@sc/contracts) and the domain of its own service — no framework, no I/O, no other layer.',
      severity: 'error',
      // Specs beside the domain are tests: they may use the shared test helpers.
      from: { path: '^services/([^/]+)/src/[^/]+/domain/', pathNot: '\\.spec\\.ts$' },
      to: {
        pathNot: ['^packages/kernel/src/', '^packages/contracts/src/', '^services/$1/src/[^/]+/domain/'],
      },
    },
    {
      name: 'application-not-adapters',
      comment: 'Use cases depend on ports and the domain; adapters and resolvers depend on them, never the reverse.',
      severity: 'error',
      from: { path: '^services/[^/]+/src/[^/]+/application/' },
      to: { path: ['/adapters/', '^services/[^/]+/src/graphql/'] },
    },
    {
      name: 'no-foreign-adapters',
      comment: "A module never reaches into another module's adapters (persistence mappings, consumers).",
      severity: 'error',
      from: { path: MODULE },
      to: { path: '^services/$1/src/[^/]+/adapters/', pathNot: '^services/$1/src/$2/adapters/' },
    },
    {
      name: 'services-apart',
      comment: 'Services meet only through federation and Kafka; what they share lives in packages/.',
      severity: 'error',
      from: { path: '^services/([^/]+)/' },
      to: { path: '^services/', pathNot: '^services/$1/' },
    },
    {
      name: 'packages-not-services',
      comment: 'Shared packages never depend on what uses them.',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^(?:services|gateway|infra)/' },
    },
    {
      name: 'kernel-is-plain',
      comment: 'The kernel imports only itself and Node built-ins: the domain of every service may import it.',
      severity: 'error',
      from: { path: '^packages/kernel/src/' },
      to: { pathNot: '^packages/kernel/src/', dependencyTypesNot: ['core'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['/generated/', '\\.d\\.ts$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
