import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bilingual } from '../../../../common/i18n/format-message.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../../common/settings.ts';
import { openConfDocument } from '../../../../main/adapters/conf-store/conf-document.ts';
import type { JsonDocument } from '../../../../main/core/settings/json-document.ts';
import { openSettingsStore } from '../../../../main/core/settings/settings-store.ts';

const clock = { nowMs: () => Date.UTC(2026, 10, 27, 5, 45, 0), monotonicMs: () => 0 };
const TOKEN = 'amoot-token-4f1c9a7e0b';

let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'settings-store-'));
  file = path.join(dir, 'settings.json');
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function open() {
  const opened = openConfDocument({ dir, store: 'settings', clock });
  return openSettingsStore({ ...opened, clock });
}

function stored(): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

describe('settings store on a real file', () => {
  it('starts from the defaults without writing anything', () => {
    const opened = open();
    expect(opened.store.get()).toEqual(DEFAULT_SETTINGS);
    expect(opened.recovery).toBeNull();
    expect(opened.notes).toEqual([]);
    expect(opened.messages).toEqual([]);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('saves an accepted change and reads it back after a restart', () => {
    const result = open().store.update({ contactGroupId: '۷', syncIntervalMinutes: 30 });
    expect(result).toMatchObject({ ok: true, settings: { contactGroupId: '7' } });
    expect(stored()).toEqual({ ...DEFAULT_SETTINGS, contactGroupId: '7', syncIntervalMinutes: 30 });
    expect(open().store.get()).toEqual({
      ...DEFAULT_SETTINGS,
      contactGroupId: '7',
      syncIntervalMinutes: 30,
    });
  });

  it('refuses a bad change without touching the file or what get() returns', () => {
    const { store } = open();
    store.update({ theme: 'dark' });
    const before = fs.readFileSync(file);
    const result = store.update({ language: 'en', syncIntervalMinutes: 0 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.field).toBe('syncIntervalMinutes');
    expect(bilingual(result.message).en).toContain('minutes');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
  });

  it('refuses a patch with a key that is not a setting, writing nothing: the token cannot get in', () => {
    const { store } = open();
    expect(store.apply({ theme: 'dark', token: TOKEN })).toMatchObject({
      ok: false,
      field: null,
      message: { key: 'settings.patch.unknown-key' },
    });
    expect(store.update({ theme: 'dark', token: TOKEN })).toMatchObject({
      ok: false,
      field: null,
      message: { key: 'settings.patch.unknown-key' },
    });
    expect(fs.existsSync(file)).toBe(false);
    store.update({ theme: 'dark' });
    expect(fs.readFileSync(file, 'utf8')).not.toContain(TOKEN);
    expect(Object.keys(stored() as object).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });

  it('does not write, nor call listeners, for a change to the same value', () => {
    const { store } = open();
    const listener = vi.fn();
    store.onChange(listener);
    expect(store.update({ syncIntervalMinutes: 15 })).toEqual({
      ok: true,
      settings: DEFAULT_SETTINGS,
    });
    expect(fs.existsSync(file)).toBe(false);
    expect(listener).not.toHaveBeenCalled();
  });

  it('tells listeners the new settings and the changed keys, until they unsubscribe', () => {
    const { store } = open();
    const first = vi.fn();
    const second = vi.fn();
    const stop = store.onChange(first);
    store.onChange(second);
    store.update({ theme: 'light', startHidden: true, language: 'system' });
    const expected = { ...DEFAULT_SETTINGS, theme: 'light', startHidden: true };
    expect(first).toHaveBeenCalledWith(expected, ['startHidden', 'theme']);
    expect(second).toHaveBeenCalledTimes(1);
    stop();
    store.update({ theme: 'dark' });
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenLastCalledWith({ ...expected, theme: 'dark' }, ['theme']);
    expect(store.update({ theme: 'blue' } as unknown as Partial<Settings>).ok).toBe(false);
    expect(second).toHaveBeenCalledTimes(2);
  });

  it('hands out settings that cannot be changed behind its back', () => {
    const { store } = open();
    expect(Object.isFrozen(store.get())).toBe(true);
  });
});

describe('a hand-edited settings file', () => {
  it('resets only the bad field, keeps the rest, and says so', () => {
    fs.writeFileSync(
      file,
      JSON.stringify({
        contactGroupId: '12',
        syncIntervalMinutes: 'often',
        theme: 'dark',
        serverTimeZone: 'Mars/Phobos',
        favouriteColour: 'green',
      }),
    );
    const opened = open();
    expect(opened.recovery).toBeNull();
    expect(opened.store.get()).toEqual({
      ...DEFAULT_SETTINGS,
      contactGroupId: '12',
      theme: 'dark',
    });
    expect(opened.notes).toEqual([
      {
        key: 'syncIntervalMinutes',
        reason: expect.stringContaining('default'),
        message: { key: 'settings.sync-interval.invalid', params: { min: 1, max: 1440 } },
      },
      {
        key: 'serverTimeZone',
        reason: expect.stringContaining('default'),
        message: { key: 'input.time-zone.invalid', params: { zone: 'Mars/Phobos' } },
      },
      { key: 'favouriteColour', reason: expect.stringContaining('ignored'), message: null },
    ]);
    // Named, in both languages: never a bare count of settings "set back to their defaults".
    expect(opened.messages).toEqual([
      {
        key: 'settings.stored.unusable',
        params: { fields: 'syncIntervalMinutes, serverTimeZone' },
      },
    ]);
    expect(bilingual(opened.messages[0]!).en).toContain('syncIntervalMinutes, serverTimeZone');
    expect(bilingual(opened.messages[0]!).fa).toContain('syncIntervalMinutes, serverTimeZone');
    // The time zone is one a sync needs: syncing stops until it is set again.
    expect(opened.store.syncBlocker()).toEqual({
      key: 'sync.settings-unusable',
      params: { fields: 'serverTimeZone' },
    });
    expect(opened.store.update({ serverTimeZone: 'Asia/Tehran' }).ok).toBe(true);
    expect(opened.store.syncBlocker()).toBeNull();
    expect(opened.store.unusable()).toEqual(['syncIntervalMinutes']);
  });

  it('keeps the hand-edited file as it is; a save keeps an unusable value until it is set', () => {
    const text = JSON.stringify({ theme: 'neon', token: TOKEN });
    fs.writeFileSync(file, text);
    const { store } = open();
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    store.update({ language: 'fa' });
    // The bad theme stays in the file (and stays reported) rather than silently becoming the
    // default; a key that is no setting (the stray token) is dropped.
    expect(stored()).toEqual({ ...DEFAULT_SETTINGS, language: 'fa', theme: 'neon' });
    expect(fs.readFileSync(file, 'utf8')).not.toContain(TOKEN);
    expect(open().store.unusable()).toEqual(['theme']);
    store.update({ theme: 'dark' });
    expect(stored()).toEqual({ ...DEFAULT_SETTINGS, language: 'fa', theme: 'dark' });
  });

  it('accepts a hand-written small number as the group ID', () => {
    fs.writeFileSync(file, '{"contactGroupId": 25}');
    expect(open().store.get().contactGroupId).toBe('25');
  });
});

describe('a document that is not an object of settings', () => {
  it('is moved aside, reported, and the store starts from the defaults', () => {
    const moved: number[] = [];
    let written: unknown = null;
    const document: JsonDocument = {
      path: '/data/settings.json',
      read: () => ['not', 'settings'],
      write: (value) => {
        written = value;
      },
      moveAside: (atMs) => {
        moved.push(atMs);
        return '/data/settings.json.corrupt-20261127T054500Z';
      },
    };
    const opened = openSettingsStore({ document, clock });
    expect(moved).toEqual([clock.nowMs()]);
    expect(opened.recovery).toEqual({
      store: 'settings',
      movedTo: '/data/settings.json.corrupt-20261127T054500Z',
      reason: expect.stringContaining('not an object'),
      atMs: clock.nowMs(),
    });
    expect(opened.messages).toEqual([
      {
        key: 'settings.recovered',
        params: { path: '/data/settings.json.corrupt-20261127T054500Z' },
      },
    ]);
    expect(opened.store.get()).toEqual(DEFAULT_SETTINGS);
    opened.store.update({ theme: 'dark' });
    expect(written).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
  });

  it('passes on a recovery that happened while the file was opened', () => {
    fs.writeFileSync(file, '{"theme": "dark", "langu');
    const opened = open();
    expect(opened.recovery).toMatchObject({
      store: 'settings',
      reason: 'The file is not valid JSON',
    });
    expect(opened.messages).toEqual([
      { key: 'settings.recovered', params: { path: opened.recovery?.movedTo } },
    ]);
  });
});

describe('a failed write', () => {
  it('throws and leaves the settings and the listeners as they were', () => {
    const document: JsonDocument = {
      path: '/data/settings.json',
      read: () => ({}),
      write: () => {
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      },
      moveAside: () => {
        throw new Error('not expected');
      },
    };
    const { store } = openSettingsStore({ document, clock });
    const listener = vi.fn();
    store.onChange(listener);
    // Classified: the disk's advice, naming the file, not a raw error.
    expect(() => store.update({ theme: 'dark' })).toThrow(
      expect.objectContaining({
        kind: 'storage',
        messageKey: 'store.disk-full',
        params: { path: '/data/settings.json' },
      }),
    );
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(listener).not.toHaveBeenCalled();
  });
});
