import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends every run with one plain line, `N passed, N failed, N skipped`, that any CI can read; and
 * under `CI=true` turns a skipped test into a failure: a test that needs a keychain or a browser may
 * skip on a developer's machine without one, never in CI.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const skippedNames: string[] = [];
    for (const testModule of testModules) {
      if (testModule.state() === 'failed' && [...testModule.children.allTests()].length === 0)
        failed++;
      for (const test of testModule.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else {
          skipped++;
          skippedNames.push(`${testModule.moduleId}: ${test.fullName}`);
        }
      }
    }
    const underCi = process.env['CI'] === 'true';
    if (underCi && skipped > 0) {
      process.stdout.write(
        `Skipped under CI=true, which is not allowed:\n  ${skippedNames.slice(0, 20).join('\n  ')}\n`,
      );
      process.exitCode = 1;
    }
    if (passed + failed === 0) process.exitCode = 1;
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
