import { describe, expect, it } from 'vitest';
import type { NotificationLevel } from '../../../common/settings.ts';
import type { Notice } from '../../../main/core/notify/notice.ts';
import {
  CHANGES_WINDOW_MS,
  createNotificationPolicy,
} from '../../../main/core/notify/notification-policy.ts';
import { createFakeTime } from '../core/scheduler/fake-time.ts';
import { counts, failedRun, MINUTE, syncRun } from '../tray/fixtures.ts';

function startPolicy(initialLevel: NotificationLevel = 'changes-and-errors') {
  const time = createFakeTime();
  const delivered: Notice[] = [];
  let level = initialLevel;
  const policy = createNotificationPolicy({
    clock: time.clock,
    timers: time.timers,
    level: () => level,
    deliver: (notice) => delivered.push(notice),
  });
  return {
    policy,
    time,
    delivered,
    setLevel(next: NotificationLevel) {
      level = next;
    },
  };
}

const changed = (added: number, updated = 0) =>
  syncRun({ counts: counts({ added, updated, unchanged: 1000 - added - updated }) });

describe('change summaries', () => {
  it('announce a sync with changes at once, and a click opens Updates', () => {
    const { policy } = startPolicy();
    const run = changed(5, 7);
    expect(policy.onRunFinished(run)).toEqual([
      {
        kind: 'changes',
        title: { key: 'notify.changes.title' },
        body: { key: 'notify.changes.body.other', params: { count: 12 } },
        target: 'updates',
        runIds: [run.id],
      },
    ]);
  });

  it('use the singular for one contact, and count every kind of change', () => {
    const { policy, time } = startPolicy();
    expect(policy.onRunFinished(changed(1))[0]?.body).toEqual({
      key: 'notify.changes.body.one',
      params: { count: 1 },
    });
    time.advanceSync(CHANGES_WINDOW_MS);
    const all = syncRun({
      counts: counts({ added: 1, updated: 1, deleted: 1, restored: 1, missing: 1 }),
    });
    expect(policy.onRunFinished(all)[0]?.body.params).toEqual({ count: 5 });
  });

  it('hold back changes within 15 minutes and fold them into one notice when the window ends', async () => {
    const { policy, time, delivered } = startPolicy();
    expect(policy.onRunFinished(changed(3))).toHaveLength(1);
    await time.advance(5 * MINUTE);
    const second = changed(4);
    expect(policy.onRunFinished(second)).toEqual([]);
    await time.advance(5 * MINUTE);
    const third = changed(2, 6);
    expect(policy.onRunFinished(third)).toEqual([]);
    await time.advance(5 * MINUTE - 1);
    expect(delivered).toEqual([]);
    await time.advance(1);
    expect(delivered).toEqual([
      {
        kind: 'changes',
        title: { key: 'notify.changes.title' },
        body: { key: 'notify.changes.body.folded', params: { count: 12, runs: 2 } },
        target: 'updates',
        runIds: [second.id, third.id],
      },
    ]);
    expect(time.pendingTimers()).toBe(0);
  });

  it('deliver a single held-back run as a plain summary', async () => {
    const { policy, time, delivered } = startPolicy();
    policy.onRunFinished(changed(3));
    await time.advance(MINUTE);
    policy.onRunFinished(changed(4));
    await time.advance(CHANGES_WINDOW_MS);
    expect(delivered.map((notice) => notice.body)).toEqual([
      { key: 'notify.changes.body.other', params: { count: 4 } },
    ]);
  });

  it('start a new window with the folded notice, so the next change waits again', async () => {
    const { policy, time, delivered } = startPolicy();
    policy.onRunFinished(changed(1));
    await time.advance(MINUTE);
    policy.onRunFinished(changed(1));
    await time.advance(14 * MINUTE);
    expect(delivered).toHaveLength(1);
    await time.advance(MINUTE);
    expect(policy.onRunFinished(changed(1))).toEqual([]);
    await time.advance(15 * MINUTE);
    expect(delivered).toHaveLength(2);
  });

  it('announce at once again once a quiet window has passed', async () => {
    const { policy, time } = startPolicy();
    policy.onRunFinished(changed(1));
    await time.advance(CHANGES_WINDOW_MS);
    expect(policy.onRunFinished(changed(2))).toHaveLength(1);
  });

  it('are timed on the monotonic clock, so setting the wall clock ahead does not unmute them', () => {
    const { policy, time } = startPolicy();
    policy.onRunFinished(changed(1));
    time.jumpWall(24 * 60 * MINUTE);
    expect(policy.onRunFinished(changed(1))).toEqual([]);
  });

  it('never announce a baseline as changes, nor a sync that changed nothing', () => {
    const { policy, time, delivered } = startPolicy();
    const baseline = syncRun({ outcome: 'baseline', counts: counts({ added: 50_000 }) });
    expect(policy.onRunFinished(baseline)).toEqual([]);
    expect(policy.onRunFinished(syncRun())).toEqual([]);
    time.advanceSync(CHANGES_WINDOW_MS);
    expect(delivered).toEqual([]);
    expect(time.pendingTimers()).toBe(0);
  });
});

describe('failures', () => {
  it('are announced once per error class until a sync succeeds', () => {
    const { policy } = startPolicy();
    const first = failedRun('network');
    expect(policy.onRunFinished(first)).toEqual([
      {
        kind: 'failure',
        title: { key: 'notify.failed.title' },
        body: { key: 'error.network' },
        target: 'history',
        runIds: [first.id],
      },
    ]);
    expect(policy.onRunFinished(failedRun('network'))).toEqual([]);
    expect(policy.onRunFinished(failedRun('network', { attempts: 4 }))).toEqual([]);
    expect(policy.onRunFinished(failedRun('timeout'))).toHaveLength(1);
    expect(policy.onRunFinished(failedRun('network'))).toEqual([]);
    policy.onRunFinished(syncRun());
    expect(policy.onRunFinished(failedRun('network'))).toHaveLength(1);
  });

  it('are reset by a baseline too, since it is a success', () => {
    const { policy } = startPolicy();
    policy.onRunFinished(failedRun('server'));
    policy.onRunFinished(syncRun({ outcome: 'baseline' }));
    expect(policy.onRunFinished(failedRun('server'))).toHaveLength(1);
  });

  it('say something useful when the run carries no message', () => {
    const { policy } = startPolicy();
    const [notice] = policy.onRunFinished(failedRun('protocol', { message: null }));
    expect(notice?.body).toEqual({ key: 'notify.failed.body' });
  });

  it('leave out cancelled and interrupted runs, which are not failures of syncing', () => {
    const { policy } = startPolicy();
    expect(policy.onRunFinished(syncRun({ outcome: 'cancelled', errorKind: 'cancelled' }))).toEqual(
      [],
    );
    expect(policy.onRunFinished(syncRun({ outcome: 'interrupted', counts: null }))).toEqual([]);
  });
});

describe('a rejected token', () => {
  it('is said once, with the advice, and a click opens the token field', () => {
    const { policy } = startPolicy();
    const run = failedRun('auth', { status: 'Token_Expired' });
    expect(policy.onRunFinished(run)).toEqual([
      {
        kind: 'token-rejected',
        title: { key: 'notify.token-rejected.title' },
        body: { key: 'status.Token_Expired' },
        target: 'settings-token',
        runIds: [run.id],
      },
    ]);
    expect(policy.onRunFinished(failedRun('auth'))).toEqual([]);
  });

  it('is said even when another failure was announced just before', () => {
    const { policy } = startPolicy();
    policy.onRunFinished(failedRun('network'));
    expect(policy.onRunFinished(failedRun('auth'))[0]?.kind).toBe('token-rejected');
  });

  it('is said again when a newly saved token is rejected too', () => {
    const { policy } = startPolicy();
    policy.onRunFinished(failedRun('auth'));
    policy.tokenChanged();
    expect(policy.onRunFinished(failedRun('auth'))).toHaveLength(1);
  });

  it('falls back to general advice without a status message', () => {
    const { policy } = startPolicy();
    const [notice] = policy.onRunFinished(failedRun('auth', { message: null }));
    expect(notice?.body).toEqual({ key: 'notify.token-rejected.body' });
  });
});

describe('notification levels', () => {
  it('off: nothing at all', async () => {
    const { policy, time, delivered } = startPolicy('off');
    expect(policy.onRunFinished(changed(4))).toEqual([]);
    expect(policy.onRunFinished(failedRun('network'))).toEqual([]);
    expect(policy.onRunFinished(failedRun('auth'))).toEqual([]);
    await time.advance(CHANGES_WINDOW_MS);
    expect(delivered).toEqual([]);
  });

  it('errors: failures and token rejections, never changes', () => {
    const { policy, time } = startPolicy('errors');
    expect(policy.onRunFinished(changed(4))).toEqual([]);
    expect(time.pendingTimers()).toBe(0);
    expect(policy.onRunFinished(failedRun('network'))).toHaveLength(1);
    expect(policy.onRunFinished(failedRun('auth'))).toHaveLength(1);
  });

  it('a failure that went unannounced while off is announced once turned on', () => {
    const { policy, setLevel } = startPolicy('off');
    policy.onRunFinished(failedRun('network'));
    setLevel('errors');
    expect(policy.onRunFinished(failedRun('network'))).toHaveLength(1);
  });

  it('held-back changes are dropped when the user turns change notices off meanwhile', async () => {
    const { policy, time, delivered, setLevel } = startPolicy();
    policy.onRunFinished(changed(1));
    policy.onRunFinished(changed(2));
    setLevel('errors');
    await time.advance(CHANGES_WINDOW_MS);
    expect(delivered).toEqual([]);
  });
});

describe('policy bookkeeping', () => {
  it('counts a run reported twice once, and ignores a run still going', () => {
    const { policy } = startPolicy();
    expect(policy.onRunFinished(syncRun({ outcome: 'running', counts: null }))).toEqual([]);
    const run = changed(3);
    expect(policy.onRunFinished(run)).toHaveLength(1);
    expect(policy.onRunFinished({ ...run })).toEqual([]);
    const failure = failedRun('server');
    policy.onRunFinished(failure);
    policy.onRunFinished(syncRun());
    policy.onRunFinished(failedRun('server'));
    expect(policy.onRunFinished({ ...failure, id: 'run-again' })).toEqual([]);
  });

  it('dispose clears the window timer and drops what was held back', async () => {
    const { policy, time, delivered } = startPolicy();
    policy.onRunFinished(changed(1));
    policy.onRunFinished(changed(1));
    expect(time.pendingTimers()).toBe(1);
    policy.dispose();
    expect(time.pendingTimers()).toBe(0);
    await time.advance(CHANGES_WINDOW_MS);
    expect(delivered).toEqual([]);
    expect(policy.onRunFinished(changed(1))).toEqual([]);
  });
});
