import type { Settings } from '../../../../common/settings.ts';
import type { SyncTrigger } from '../../../../common/sync-types.ts';
import { systemLocalTime } from '../../../../main/core/scheduler/local-time.ts';
import { openPause } from '../../../../main/core/scheduler/pause-window.ts';
import type { PolicyState, SchedulerEvent } from '../../../../main/core/scheduler/policy-types.ts';
import {
  initialPolicyState,
  withNextJitter,
} from '../../../../main/core/scheduler/policy-types.ts';
import {
  decide,
  intervalMs,
  jitterFactor,
} from '../../../../main/core/scheduler/scheduler-policy.ts';
import type {
  ManualTrigger,
  PauseRequest,
  SyncResult,
} from '../../../../main/core/scheduler/scheduler-types.ts';

/**
 * The policy with no shell around it: one timer instant and a run gate kept as plain values, moved
 * only by the test's own steps, so a property can replay thousands of interleavings of events, timer
 * firings and run ends synchronously and check what `decide` asked for rather than what a shell made
 * of it. The gate behaves as run-gate.ts: a request during a run queues one follow-up shared by
 * every request made meanwhile.
 */
export interface PolicyModel {
  readonly runs: SyncTrigger[];
  /** For each answered request: its order, and the order of the run that answered it. */
  readonly answers: Array<{ readonly askedAt: number; readonly runStartedAt: number }>;
  /** Automatic starts `decide` asked for while a run was going or queued. */
  readonly overlaps: number;
  readonly timerAt: number | null;
  /** A run is going (ended only by `finishRun`). */
  readonly running: boolean;
  readonly state: PolicyState;
  online: boolean;
  send(event: SchedulerEvent): void;
  resumedFromSleep(): void;
  wentOffline(): void;
  wentOnline(): void;
  tokenChanged(): void;
  settingsChanged(keys: ReadonlyArray<keyof Settings>): void;
  pause(request: PauseRequest): void;
  resume(): void;
  requestSync(trigger: ManualTrigger): void;
  /** Ends the run going, if any, with its outcome. */
  finishRun(): void;
  /** Moves both clocks on; the timer fires (at its instant) whenever it comes due on the way. */
  advance(ms: number): void;
}

export interface PolicyModelOptions {
  readonly intervalMinutes: number;
  readonly settleMs: number;
  readonly draw: () => number;
  /** The result of the `index`-th run. */
  readonly outcome: (index: number) => SyncResult;
}

interface Run {
  readonly startedAt: number;
  readonly outcome: SyncResult;
  readonly askedAt: readonly number[];
}

export function createPolicyModel(options: PolicyModelOptions): PolicyModel {
  let mono = 1_000_000;
  let wall = Date.UTC(2026, 10, 27, 6, 0);
  let order = 0;
  let going: Run | null = null;
  let queued: { trigger: ManualTrigger; askedAt: number[] } | null = null;
  const jitter = (): number => jitterFactor(options.draw());
  const model = {
    runs: [] as SyncTrigger[],
    answers: [] as Array<{ askedAt: number; runStartedAt: number }>,
    overlaps: 0,
    timerAt: null as number | null,
    state: initialPolicyState({
      monoMs: mono,
      settleMs: options.settleMs,
      jitter: jitter(),
      nextJitter: jitter(),
    }),
    online: true,
    get running() {
      return going !== null;
    },
    send,
    resumedFromSleep: () => send({ kind: 'resumed-from-sleep' }),
    wentOffline: () => send({ kind: 'went-offline' }),
    wentOnline: () => send({ kind: 'went-online' }),
    tokenChanged: () => send({ kind: 'token-changed' }),
    settingsChanged: (keys: ReadonlyArray<keyof Settings>) =>
      send({ kind: 'settings-changed', keys }),
    resume: () => send({ kind: 'resume' }),
    pause(request: PauseRequest) {
      if (!model.state.stopped)
        send({ kind: 'pause', window: openPause(request, wall, mono, systemLocalTime) });
    },
    requestSync(trigger: ManualTrigger) {
      if (model.state.stopped) return;
      const askedAt = ++order;
      if (going === null) launch(trigger, [askedAt]);
      else if (queued === null) queued = { trigger, askedAt: [askedAt] };
      else queued.askedAt.push(askedAt);
    },
    finishRun() {
      const ended = going;
      if (ended === null) return;
      going = null;
      send({ kind: 'run-ended', result: ended.outcome });
      const next = queued;
      queued = null;
      if (next !== null) launch(next.trigger, next.askedAt);
      for (const askedAt of ended.askedAt) {
        model.answers.push({ askedAt, runStartedAt: ended.startedAt });
      }
    },
    advance(ms: number) {
      const target = mono + ms;
      for (let fired = 0; model.timerAt !== null && model.timerAt <= target; fired++) {
        if (fired > 100_000) throw new Error('the timer keeps firing: a flood');
        moveTo(model.timerAt);
        model.timerAt = null;
        send({ kind: 'timer' });
      }
      moveTo(target);
    },
  };

  function moveTo(targetMono: number): void {
    if (targetMono <= mono) return;
    wall += targetMono - mono;
    mono = targetMono;
  }

  function send(event: SchedulerEvent): void {
    const decision = decide(model.state, event, {
      monoMs: mono,
      wallMs: wall,
      online: model.online,
      intervalMs: intervalMs(options.intervalMinutes),
      running: going !== null,
      busy: going !== null || queued !== null,
    });
    model.state = decision.drawJitter ? withNextJitter(decision.state, jitter()) : decision.state;
    if (decision.start !== undefined) {
      if (going !== null || queued !== null) model.overlaps += 1;
      else launch(decision.start, []);
    } else if (decision.wakeAt !== undefined) {
      model.timerAt = decision.wakeAt;
      if (decision.dropQueued) queued = null;
    }
  }

  function launch(trigger: SyncTrigger, askedAt: readonly number[]): void {
    going = { startedAt: ++order, outcome: options.outcome(model.runs.length), askedAt };
    model.runs.push(trigger);
    send({ kind: 'run-started' });
  }

  return model;
}
