import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../common/settings.ts';
import { oneQuestionAtATime } from '../../../main/desktop/ipc/confirmed-actions.ts';
import {
  guardedSettingsSet,
  loopbackHttpAllowed,
} from '../../../main/desktop/ipc/guarded-settings.ts';
import { openConfDocument } from '../../../main/adapters/conf-store/conf-document.ts';
import type { Confirm, ConfirmRequest } from '../../../main/core/ports/confirm.ts';
import { openSettingsStore } from '../../../main/core/settings/settings-store.ts';
import type { Logger } from '../../../main/desktop/logging/logging.ts';

const clock = { nowMs: () => Date.UTC(2026, 11, 3, 9, 0, 0), monotonicMs: () => 0 };
const quiet: Logger = { info: () => {}, warn: () => {}, error: () => {} };

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guarded-settings-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function openStore(allowLoopbackHttp = true) {
  const opened = openConfDocument({ dir, store: 'settings', clock });
  return openSettingsStore({ ...opened, clock, policy: { allowLoopbackHttp } }).store;
}

/** A user who answers each question as `answer` says, after `before` ran (a change elsewhere). */
function user(answer: (request: ConfirmRequest) => boolean, before?: () => void) {
  const asked: ConfirmRequest[] = [];
  const confirm: Confirm = (request) => {
    asked.push(request);
    before?.();
    return Promise.resolve(answer(request));
  };
  return { asked, confirm };
}

describe('settings.set from the window', () => {
  it('asks again when the file changed while the question was open', async () => {
    const store = openStore();
    const elsewhere = openStore();
    let changedElsewhere = false;
    const { asked, confirm } = user(
      () => true,
      () => {
        // The user lowered the limit by hand meanwhile: the cut the window asks for is now another.
        if (!changedElsewhere) elsewhere.update({ changeLogMaxRows: 5000 });
        changedElsewhere = true;
      },
    );
    const set = guardedSettingsSet(store, confirm, quiet);

    expect(await set({ changeLogMaxRows: 1000 })).toMatchObject({ ok: true });
    expect(asked).toEqual([
      {
        kind: 'shorten-retention',
        field: 'changeLogMaxRows',
        from: DEFAULT_SETTINGS.changeLogMaxRows,
        to: 1000,
      },
      { kind: 'shorten-retention', field: 'changeLogMaxRows', from: 5000, to: 1000 },
    ]);
  });

  it('refuses before asking when the patch is bad, so no question is wasted', async () => {
    const { asked, confirm } = user(() => true);
    const set = guardedSettingsSet(openStore(false), confirm, quiet);
    expect(await set({ baseUrl: 'http://127.0.0.1:9/rest', startAtLogin: true })).toMatchObject({
      ok: false,
      field: 'baseUrl',
    });
    expect(asked).toEqual([]);
  });

  it('allows plain-http loopback only from the sources or in the demo', () => {
    expect(loopbackHttpAllowed(false, null)).toBe(true);
    expect(loopbackHttpAllowed(true, null)).toBe(false);
    expect(loopbackHttpAllowed(true, { baseUrl: 'http://127.0.0.1:1/rest', token: 'x' })).toBe(
      true,
    );
  });
});

describe('one question at a time', () => {
  it('answers no, unshown, to a question asked while another is open', async () => {
    let answer: (yes: boolean) => void = () => {};
    const shown: ConfirmRequest[] = [];
    const confirm = oneQuestionAtATime((request) => {
      shown.push(request);
      return new Promise<boolean>((resolve) => (answer = resolve));
    }, quiet);

    const first = confirm({ kind: 'remove-token' });
    await expect(confirm({ kind: 'clear-history' })).resolves.toBe(false);
    answer(true);
    await expect(first).resolves.toBe(true);
    expect(shown).toEqual([{ kind: 'remove-token' }]);

    // Once answered, the next question is shown.
    const next = confirm({ kind: 'clear-history' });
    answer(false);
    await expect(next).resolves.toBe(false);
    expect(shown).toHaveLength(2);
  });
});
