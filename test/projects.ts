/**
 * Which Vitest project each test file belongs to. `npm test` runs them all; `npm run test:fast`
 * runs `unit` and `renderer` only, the everyday loop. The slow files have projects of their own so
 * each can be run alone (`npx vitest run --project crash`). Kept apart from vitest.config.ts so
 * that a test can check that every test file is in exactly one project.
 */

/** Component tests: they mount Svelte in jsdom. */
export const RENDERER_TESTS = ['test/unit/renderer/**/*.test.ts'];

/** Real browser: the app server and Chromium. */
export const E2E_TESTS = ['test/e2e/**/*.test.ts'];

/** Kills sync processes at random points and reopens the data folder: the longest file. */
export const CRASH_TESTS = ['test/integration/crash-safety.test.ts'];

/** Start real processes: the cli, the simulator's cli, sync processes, README's commands. */
export const PROCESS_TESTS = [
  'test/integration/cli*.test.ts',
  'test/integration/launch-commands.test.ts',
  'test/integration/one-writer.test.ts',
  'test/integration/readme-commands.test.ts',
  'test/integration/simulator-cli.test.ts',
  'test/integration/sync-process*.test.ts',
];

/** What ships: the lockfile (a real npm install), the security scan, the built bundle. */
export const PACKAGING_TESTS = [
  'test/unit/shell/lockfile.test.ts',
  'test/unit/shell/security-scan.test.ts',
  'test/integration/built-bundle.test.ts',
];

export const UNIT_TESTS = ['test/unit/**/*.test.ts'];
export const INTEGRATION_TESTS = ['test/integration/**/*.test.ts'];

/** Each project's files: its includes, less the files another project takes. */
export const PROJECT_FILES = {
  unit: { include: UNIT_TESTS, exclude: [...RENDERER_TESTS, ...PACKAGING_TESTS] },
  renderer: { include: RENDERER_TESTS, exclude: [] },
  integration: {
    include: INTEGRATION_TESTS,
    exclude: [...CRASH_TESTS, ...PROCESS_TESTS, ...PACKAGING_TESTS],
  },
  processes: { include: PROCESS_TESTS, exclude: [] },
  crash: { include: CRASH_TESTS, exclude: [] },
  e2e: { include: E2E_TESTS, exclude: [] },
  packaging: { include: PACKAGING_TESTS, exclude: [] },
} as const;

export type ProjectName = keyof typeof PROJECT_FILES;
