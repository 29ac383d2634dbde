/**
 * The yardstick of the sync benchmarks: how long plain `JSON.parse` takes on the very body the
 * simulator serves. Runs in its own process so its memory does not count against the sync's.
 * Prints one JSON object: { bodyBytes, jsonParseMs } (median of 3).
 */
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { 'base-url': { type: 'string' }, token: { type: 'string' } },
});
const response = await fetch(`${values['base-url']}/ContactListUpdates`, {
  method: 'POST',
  headers: {
    Authorization: values.token ?? 'bench',
    'Content-Type': 'application/x-www-form-urlencoded',
  },
  body: 'ContactGroupID=0',
});
const text = await response.text();
const times: number[] = [];
for (let round = 0; round < 3; round++) {
  const started = performance.now();
  const parsed = JSON.parse(text) as { Data: unknown[] };
  times.push(performance.now() - started);
  if (parsed.Data.length === 0) throw new Error('empty answer');
}
times.sort((a, b) => a - b);
process.stdout.write(
  `${JSON.stringify({ bodyBytes: Buffer.byteLength(text), jsonParseMs: times[1] })}\n`,
);
