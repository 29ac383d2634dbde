import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SyncTrigger } from '../../../../common/sync-types.ts';
import type {
  ManualTrigger,
  SyncResult,
  SyncScheduler,
} from '../../../../main/core/scheduler/scheduler-types.ts';
import { createSyncScheduler } from '../../../../main/core/scheduler/sync-scheduler.ts';
import { createFakeTime, settle } from './fake-time.ts';
import { MINUTE } from './harness.ts';
import { createPolicyModel } from './policy-model.ts';

const INTERVAL_MINUTES = 1;
/** The shortest automatic wait: a jittered 1-minute interval, or the 1-minute first backoff. */
const SHORTEST_WAIT_MS = 0.9 * INTERVAL_MINUTES * MINUTE;

type Command =
  | { readonly kind: 'request'; readonly trigger: ManualTrigger }
  | { readonly kind: 'advance'; readonly ms: number }
  | { readonly kind: 'sleep'; readonly ms: number }
  | { readonly kind: 'offline' | 'online' | 'resumed' | 'token' | 'group' | 'pause' | 'resume' };

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('request' as const),
      trigger: fc.constantFrom<ManualTrigger>('manual', 'tray', 'cli'),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      ms: fc.integer({ min: 0, max: 3 * MINUTE }),
    }),
  },
  fc.record({ kind: fc.constant('sleep' as const), ms: fc.integer({ min: 0, max: 10 * MINUTE }) }),
  fc.constantFrom<Command>(
    { kind: 'offline' },
    { kind: 'online' },
    { kind: 'resumed' },
    { kind: 'token' },
    { kind: 'group' },
    { kind: 'pause' },
    { kind: 'resume' },
  ),
);

const result: fc.Arbitrary<SyncResult> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<SyncResult>({ ok: true }) },
  fc.record({
    ok: fc.constant(false as const),
    errorKind: fc.constantFrom(
      'network',
      'timeout',
      'server',
      'auth',
      'input',
      'rate-limit',
      'cancelled',
    ),
  }),
);

/** What a property drives: the scheduler's event methods, a request, the clocks and the network. */
interface Driver {
  readonly scheduler: Pick<
    SyncScheduler,
    | 'resumedFromSleep'
    | 'wentOffline'
    | 'wentOnline'
    | 'tokenChanged'
    | 'settingsChanged'
    | 'pause'
    | 'resume'
  >;
  request(trigger: ManualTrigger): void;
  advance(ms: number): void;
  setOnline(online: boolean): void;
}

/** What the run-count bound is made of. */
interface Tally {
  asked: number;
  autoEvents: number;
  advancedMs: number;
}

function perform(step: Command, driver: Driver, tally: Tally): void {
  const { scheduler } = driver;
  switch (step.kind) {
    case 'request':
      tally.asked += 1;
      return driver.request(step.trigger);
    case 'advance':
      tally.advancedMs += step.ms;
      return driver.advance(step.ms);
    case 'sleep':
      tally.advancedMs += step.ms;
      tally.autoEvents += 1;
      driver.advance(step.ms);
      return scheduler.resumedFromSleep();
    case 'offline':
      driver.setOnline(false);
      return scheduler.wentOffline();
    case 'online':
      driver.setOnline(true);
      tally.autoEvents += 1;
      return scheduler.wentOnline();
    case 'resumed':
      tally.autoEvents += 1;
      return scheduler.resumedFromSleep();
    case 'token':
      tally.autoEvents += 1;
      return scheduler.tokenChanged();
    case 'group':
      tally.autoEvents += 1;
      return scheduler.settingsChanged(['contactGroupId']);
    case 'pause':
      tally.autoEvents += 1; // its end brings one sync
      return scheduler.pause({ for: 2 * MINUTE });
    case 'resume':
      return scheduler.resume();
  }
}

describe('interleavings of requests, timers and run completions', () => {
  it('never overlaps runs, loses no request, and runs a bounded number of times', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(command, { minLength: 1, maxLength: 25 }),
        fc.array(result, { minLength: 1, maxLength: 8 }),
        async (s, commands, results) => {
          const time = createFakeTime();
          let online = true;
          let clock = 0; // orders requests and run starts
          let active = 0;
          let maxActive = 0;
          const startedAt = new Map<SyncResult, number>();
          const runs: SyncTrigger[] = [];
          const answers: Array<{ askedAt: number; runStartedAt: number | undefined }> = [];

          const scheduler = createSyncScheduler({
            clock: time.clock,
            timers: time.timers,
            random: () => 0.5,
            intervalMinutes: () => INTERVAL_MINUTES,
            isOnline: () => online,
            settleMs: 2_000,
            runSync(trigger) {
              active += 1;
              maxActive = Math.max(maxActive, active);
              const outcome = { ...(results[runs.length % results.length] as SyncResult) };
              runs.push(trigger);
              startedAt.set(outcome, ++clock);
              return s
                .schedule(Promise.resolve(outcome), `run ${runs.length} (${trigger}) ends`)
                .then((value) => {
                  active -= 1;
                  return value;
                });
            },
          });

          const tally: Tally = { asked: 0, autoEvents: 1, advancedMs: 0 }; // 1: the startup run
          const driver: Driver = {
            scheduler,
            request(trigger) {
              const askedAt = ++clock;
              void scheduler.requestSync(trigger).then((value) => {
                answers.push({ askedAt, runStartedAt: startedAt.get(value) });
              });
            },
            advance: (ms) => time.advanceSync(ms),
            setOnline: (value) => {
              online = value;
            },
          };

          scheduler.start();
          for (const [index, step] of commands.entries()) {
            void s
              .schedule(Promise.resolve(step), `${index}: ${JSON.stringify(step)}`)
              .then((scheduled) => perform(scheduled, driver, tally));
          }
          while (s.count() > 0) {
            await s.waitAll();
            await settle();
          }

          expect(maxActive).toBeLessThanOrEqual(1);
          const { asked, autoEvents, advancedMs } = tally;
          expect(answers).toHaveLength(asked);
          for (const answer of answers) {
            expect(answer.runStartedAt).toBeGreaterThan(answer.askedAt);
          }
          const bound = asked + autoEvents + Math.floor(advancedMs / SHORTEST_WAIT_MS) + 1;
          expect(runs.length).toBeLessThanOrEqual(bound);
          await scheduler.stop();
          expect(time.pendingTimers()).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the policy alone: never starts a run over another, loses no request, runs a bounded number of times', () => {
    // The same steps, with run ends as steps of their own: `decide` driven without a shell.
    const step = fc.oneof(
      { weight: 10, arbitrary: command },
      { weight: 3, arbitrary: fc.constant({ kind: 'finish' } as const) },
    );
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 1, maxLength: 25 }),
        fc.array(result, { minLength: 1, maxLength: 8 }),
        (steps, results) => {
          const model = createPolicyModel({
            intervalMinutes: INTERVAL_MINUTES,
            settleMs: 2_000,
            draw: () => 0.5,
            outcome: (index) => ({ ...(results[index % results.length] as SyncResult) }),
          });
          const tally: Tally = { asked: 0, autoEvents: 1, advancedMs: 0 }; // 1: the startup run
          const driver: Driver = {
            scheduler: model,
            request: (trigger) => model.requestSync(trigger),
            advance: (ms) => model.advance(ms),
            setOnline: (value) => {
              model.online = value;
            },
          };

          model.send({ kind: 'start' });
          for (const next of steps) {
            if (next.kind === 'finish') model.finishRun();
            else perform(next, driver, tally);
          }
          while (model.running) model.finishRun(); // as the fc.scheduler's waitAll above

          const { asked, autoEvents, advancedMs } = tally;
          expect(model.overlaps).toBe(0);
          expect(model.answers).toHaveLength(asked);
          for (const answer of model.answers) {
            expect(answer.runStartedAt).toBeGreaterThan(answer.askedAt);
          }
          const bound = asked + autoEvents + Math.floor(advancedMs / SHORTEST_WAIT_MS) + 1;
          expect(model.runs.length).toBeLessThanOrEqual(bound);
          model.send({ kind: 'stop' });
          expect(model.timerAt).toBeNull();
        },
      ),
      { numRuns: 1000 },
    );
  });
});
