// @ts-check
// `npm run test:mutation`: StrykerJS over the unit tier, for the pure and HTTP modules
// (scripts/pureModules.mjs). Stryker mutates the TypeScript in src/ inside a sandbox copy,
// `tsc` compiles it there (mutated files get `// @ts-nocheck`), and mocha runs the compiled
// unit tests (.mocharc.json) against it. scripts/mutationScore.mjs then prints the score per
// folder from reports/mutation/mutation.json. See the README, "Mutation testing".
import { PURE_FOLDERS, vscodeSideGlobs } from './scripts/pureModules.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'mocha',
  // Left out: tests that read src/ as text (the l10n scans, the README source map: Stryker's
  // instrumented copy fails them) and the one timed check of slices (10,000 tasks; on
  // instrumented code under load it fails the dry run). None of them can kill a mutant.
  mochaOptions: {
    config: '.mocharc.json',
    spec: ['out/test/unit/**/*.test.js'],
    grep: '^(?!.*(runtime l10n bundles|runtime strings go through|README source map|loads 10,000 tasks in slices)).*$',
  },
  buildCommand: 'tsc -p tsconfig.test.json',
  checkers: [],
  mutate: [`src/{${PURE_FOLDERS.join(',')}}/**/*.ts`, ...vscodeSideGlobs().map((glob) => `!${glob}`)],
  // Only what the build and the unit tier need goes into the sandbox.
  ignorePatterns: ['out', 'dist', 'reports', 'bench-results', 'test-results', '.vscode-test', '*.vsix', '.stryker-tmp*'],
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants) each need a fresh process running the whole suite:
  // a few percent of the mutants, more than half the time. `npx stryker run --ignoreStatic false` runs them.
  ignoreStatic: true,
  // 2 cores: one mocha worker each; the sim-based tests use real loopback sockets and timers.
  concurrency: 2,
  timeoutMS: 10000,
  timeoutFactor: 2,
  dryRunTimeoutMinutes: 10,
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowEmojis: false, logTests: false, reportScoreTable: true, reportMutants: false },
  thresholds: { high: 90, low: 85, break: null },
  incrementalFile: 'reports/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
};
