import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { stderrLines } from '../../../main/sync-worker/process-transport.ts';

/** Writes `chunks` to a stream read by `stderrLines` and gives the lines it produced. */
async function linesOf(chunks: readonly Buffer[]): Promise<string[]> {
  const stream = new PassThrough();
  const lines: string[] = [];
  const drained = stderrLines(stream, (line) => lines.push(line));
  for (const chunk of chunks) stream.write(chunk);
  stream.end();
  await drained;
  return lines;
}

describe("a child process's stderr", () => {
  it('comes out in whole lines, however the pipe cut it, the unfinished last one at the end', async () => {
    const text = Buffer.from('first line wi\u062Bth Persian\nsecond\r\n\nlast without end');
    // Cut inside the two-byte Persian letter, and inside both lines.
    const chunks = [text.subarray(0, 14), text.subarray(14, 24), text.subarray(24)];
    expect(await linesOf(chunks)).toEqual([
      'first line wi\u062Bth Persian',
      'second',
      'last without end',
    ]);
  });

  it('cuts an endless line only at a blank, so a token in it stays whole', async () => {
    const word = `token-${'x'.repeat(100)}`;
    const long = `${'word '.repeat(14_000)}${word}`;
    const lines = await linesOf([
      Buffer.from(long.slice(0, 70_001)),
      Buffer.from(long.slice(70_001)),
    ]);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ').split(/\s+/)).toEqual(long.split(' '));
    expect(lines.some((line) => line.endsWith(word))).toBe(true);
  });
});
