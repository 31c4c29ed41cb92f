/**
 * Module boundaries (issue 13), checked by `npm test` (test/foundation/boundaries.test.ts):
 * dependencies run one way — modules on the kernel, never back; no import cycles anywhere.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'An import cycle makes load order matter and hides which module depends on which.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'kernel-below-modules',
      severity: 'error',
      comment: 'The kernel is what every level shares; it knows no domain module.',
      from: { path: '^subgraphs/kernel/' },
      to: { path: '^subgraphs/(modules|region|city|county|levels)' },
    },
    {
      name: 'records-before-reflow',
      severity: 'error',
      comment: 'Reflow copies records between levels; records know nothing of reflow.',
      from: { path: '^subgraphs/modules/records/' },
      to: { path: '^subgraphs/modules/reflow/' },
    },
    {
      name: 'services-below-graphql',
      severity: 'error',
      comment: 'Domain services take plain drafts; GraphQL input classes stay in the graphql/ layer.',
      from: { path: '^subgraphs/modules/[^/]+/', pathNot: '(/graphql/|/index\.ts$)' },
      to: { path: '^subgraphs/modules/[^/]+/graphql/' },
    },
    {
      name: 'production-without-tests',
      severity: 'error',
      comment: 'Production code does not import tests or benchmarks.',
      from: { path: '^(subgraphs|gateway|scripts)/' },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
