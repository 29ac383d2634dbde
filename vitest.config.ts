import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

/** Component tests: they mount Svelte in jsdom, so Svelte must resolve to its browser build. */
const RENDERER_TESTS = 'test/unit/renderer/**/*.test.ts';

export default defineConfig({
  test: {
    // One temporary root for the run, scanned for test tokens after the last test.
    globalSetup: ['./test/support/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: [RENDERER_TESTS, '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        // Only this project compiles .svelte files and prefers the `browser` export condition;
        // the Node tests above keep Node's resolution untouched.
        extends: true,
        plugins: [svelte()],
        resolve: { conditions: ['browser'] },
        test: {
          name: 'renderer',
          include: [RENDERER_TESTS],
          environment: 'jsdom',
        },
      },
    ],
  },
});
