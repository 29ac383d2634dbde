import { execFile } from 'node:child_process';

export interface CliProcessEnd {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The cli as its own process, as a user runs it (`node main/cli/index.ts …` from the repository
 * root), with only PATH and `env` in its environment. Resolves with its exit code and output,
 * whatever they are: the caller judges them.
 */
export function runCliProcess(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<CliProcessEnd> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [
        '--experimental-strip-types',
        '--disable-warning=ExperimentalWarning',
        'main/cli/index.ts',
        ...args,
      ],
      { env: { PATH: process.env['PATH'] ?? '', ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
