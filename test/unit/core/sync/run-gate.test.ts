import { describe, expect, it } from 'vitest';
import type { SyncTrigger } from '../../../../common/sync-types.ts';
import { createRunGate } from '../../../../main/core/sync/run-gate.ts';

/** A gate whose runs end when the test says so, recording what ran and what was heard. */
function gateWithHeldRuns() {
  const runs: { trigger: SyncTrigger; end: (r: string) => void; fail: (e: Error) => void }[] = [];
  const heard: string[] = [];
  const gate = createRunGate<string>({
    run: (trigger) =>
      new Promise<string>((resolve, reject) => {
        runs.push({ trigger, end: resolve, fail: reject });
      }),
    onStart: (trigger) => heard.push(`start ${trigger} running=${String(gate.running)}`),
    onEnd: (result) => heard.push(`end ${result} running=${String(gate.running)}`),
    onError: (error) => heard.push(`error ${String(error)}`),
  });
  return { gate, runs, heard };
}

describe('the run gate: what a run asked for during a run gets', () => {
  it('join shares the run going; a new run starts only once it ended', async () => {
    const { gate, runs } = gateWithHeldRuns();
    const first = gate.join('schedule');
    const second = gate.join('manual');
    expect(runs).toHaveLength(1);
    runs[0]!.end('one');
    await expect(Promise.all([first, second])).resolves.toEqual(['one', 'one']);
    expect(gate.running).toBe(false);
    void gate.join('cli');
    expect(runs.map((run) => run.trigger)).toEqual(['schedule', 'cli']);
  });

  it('requests during a run share one follow-up, which starts as the run ends', async () => {
    const { gate, runs, heard } = gateWithHeldRuns();
    const first = gate.request('manual');
    const later = [gate.request('tray'), gate.request('manual')];
    expect(gate.busy).toBe(true);
    expect(gate.startAutomatic('schedule')).toBe(false);
    runs[0]!.end('one');
    await expect(first).resolves.toBe('one');
    expect(runs.map((run) => run.trigger)).toEqual(['manual', 'tray']);
    runs[1]!.end('two');
    await expect(Promise.all(later)).resolves.toEqual(['two', 'two']);
    expect(heard).toEqual([
      'start manual running=true',
      'end one running=false',
      'start tray running=true',
      'end two running=false',
    ]);
  });

  it('a failed run rejects everyone waiting on it and still lets the follow-up start', async () => {
    const { gate, runs } = gateWithHeldRuns();
    const first = gate.join('schedule');
    const joined = gate.join('manual');
    const followUp = gate.request('manual');
    runs[0]!.fail(new Error('disk gone'));
    await expect(first).rejects.toThrow('disk gone');
    await expect(joined).rejects.toThrow('disk gone');
    expect(runs).toHaveLength(2);
    runs[1]!.end('after');
    await expect(followUp).resolves.toBe('after');
    await gate.settled();
    expect(gate.busy).toBe(false);
  });

  it('drops a queued follow-up with the given answer, and reports a failed automatic run', async () => {
    const { gate, runs, heard } = gateWithHeldRuns();
    expect(gate.startAutomatic('schedule')).toBe(true);
    const queued = gate.request('manual');
    gate.dropQueued('dropped');
    await expect(queued).resolves.toBe('dropped');
    runs[0]!.fail(new Error('offline'));
    await gate.settled();
    await Promise.resolve();
    expect(runs).toHaveLength(1);
    expect(heard).toContain('error Error: offline');
  });
});
