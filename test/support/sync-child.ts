/**
 * A sync process to kill: opens the stores of `--data-dir` exactly as the cli does, builds the
 * engine as `sync-command.ts` does (token from `AMOOT_TOKEN`), recovers what a previous kill left,
 * then syncs in a loop until it is killed. Each step is announced as one stdout line *before* it
 * happens (or, for `committed`, right after the commit returned), so the parent can tell where a
 * SIGKILL landed. Run with `node --experimental-strip-types sync-child.ts --data-dir DIR`.
 */
import { parseArgs } from 'node:util';
import packageJson from '../../package.json' with { type: 'json' };
import { openStores } from '../../main/compose/open-stores.ts';
import { userAgentFor } from '../../main/core/amoot/client.ts';
import type { FetchFunction } from '../../main/core/amoot/guarded-request.ts';
import { createStoresEngine } from '../../main/compose/stores-engine.ts';
import type { ContactMirror, MirrorCommit } from '../../main/core/ports/contact-mirror.ts';
import { recoverInterruptedRuns } from '../../main/core/sync/sync-engine.ts';

/** Where the child is; the parent keeps the last line it read as the phase a kill landed in. */
export type ChildStep =
  | 'opening'
  | 'opened'
  | 'connecting'
  | 'downloading'
  | 'comparing'
  | 'saving'
  | 'committed'
  | 'finished';

/**
 * Writes to a pipe are synchronous on Linux (and a short line fits the pipe anywhere), so a line
 * written here has reached the parent before the next step begins, and no kill can lose it.
 */
function say(step: ChildStep, detail = ''): void {
  process.stdout.write(`${step}${detail === '' ? '' : ` ${detail}`}\n`);
}

/** The same mirror (every method, whatever the port grows), announcing each commit that returned. */
function announcingCommits(mirror: ContactMirror): ContactMirror {
  return new Proxy(mirror, {
    get(target, property) {
      if (property === 'commit') {
        return (commit: MirrorCommit) => {
          target.commit(commit);
          say('committed', commit.runId);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } });
  const dir = values['data-dir'];
  const token = process.env['AMOOT_TOKEN'];
  if (dir === undefined || token === undefined || token === '') {
    process.stderr.write('usage: AMOOT_TOKEN=… sync-child.ts --data-dir DIR\n');
    process.exit(2);
  }
  say('opening');
  let lastStep = '';
  const stores = openStores({ dir });
  const engine = createStoresEngine(stores, {
    mirror: announcingCommits(stores.mirror),
    readToken: () => Promise.resolve(token),
    fetch: globalThis.fetch as FetchFunction,
    userAgent: userAgentFor(packageJson.version, process.platform),
    onProgress: (progress) => {
      // One line per phase change, not one per received chunk.
      const step = `${progress.runId} ${progress.phase}`;
      if (step === lastStep || progress.phase === 'waiting-to-retry') return;
      lastStep = step;
      say(progress.phase, progress.runId);
    },
    onRunFinished: (run) => say('finished', `${run.id} ${run.outcome}`),
  });
  const recovered = recoverInterruptedRuns(stores.history, stores.mirror);
  say('opened', `recovered=${recovered.length} recoveries=${stores.recoveries.length}`);
  for (;;) await engine.run('cli');
}

await main();
