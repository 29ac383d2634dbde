import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { PROJECT_FILES, type ProjectName } from './test/projects.ts';

/** A Node project over its files from test/projects.ts. */
function nodeProject(name: ProjectName): TestProjectInlineConfiguration {
  const files = PROJECT_FILES[name];
  return {
    extends: true,
    test: {
      name,
      include: [...files.include],
      exclude: [...files.exclude, '**/node_modules/**'],
      environment: 'node',
    },
  };
}

export default defineConfig({
  test: {
    // One temporary root for the run, scanned for test tokens after the last test.
    globalSetup: ['./test/support/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      nodeProject('unit'),
      {
        // Only this project compiles .svelte files and prefers the `browser` export condition;
        // the Node projects keep Node's resolution untouched.
        extends: true,
        plugins: [svelte()],
        resolve: { conditions: ['browser'] },
        test: {
          name: 'renderer',
          include: [...PROJECT_FILES.renderer.include],
          environment: 'jsdom',
          // One jsdom per worker rather than per file: building it was two thirds of this
          // project's time (31 s → 9 s here). The files pass alike in shuffled orders (four seeds
          // of --sequence.shuffle); a file that leaves state behind would show up there first.
          isolate: false,
        },
      },
      nodeProject('integration'),
      nodeProject('processes'),
      nodeProject('crash'),
      nodeProject('e2e'),
      nodeProject('packaging'),
    ],
  },
});
