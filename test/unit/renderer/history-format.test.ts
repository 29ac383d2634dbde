import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../../common/i18n/format-message.ts';
import type { MessageKey } from '../../../common/i18n/messages-en.ts';
import {
  changesText,
  countItems,
  formatDuration,
  runChangesText,
  runDuration,
} from '../../../renderer/src/lib/history-format.ts';
import { run } from './fake-api.ts';

const en = (key: MessageKey, params?: Readonly<Record<string, string | number>>) =>
  formatMessage('en', key, params);
const fa = (key: MessageKey, params?: Readonly<Record<string, string | number>>) =>
  formatMessage('fa', key, params);

describe('formatDuration', () => {
  it('gives tenths under ten seconds, whole seconds under a minute, then minutes', () => {
    expect(formatDuration(40, en)).toBe('under 0.1 s');
    expect(formatDuration(120, en)).toBe('0.1 s');
    expect(formatDuration(1250, en)).toBe('1.3 s');
    expect(formatDuration(9_940, en)).toBe('9.9 s');
    expect(formatDuration(42_400, en)).toBe('42 s');
    expect(formatDuration(59_600, en)).toBe('1 min');
    expect(formatDuration(3_725_000, en)).toBe('62 min 5 s');
    expect(formatDuration(-5, en)).toBe('under 0.1 s');
  });

  it('writes Persian digits and decimal separator in Persian', () => {
    expect(formatDuration(3200, fa)).toBe('۳٫۲ ثانیه');
    expect(formatDuration(30, fa)).toBe('کمتر از ۰٫۱ ثانیه');
    expect(formatDuration(125_000, fa)).toBe('۲ دقیقه و ۵ ثانیه');
  });

  it('says a running run is running even before it has a duration', () => {
    expect(runDuration(run({ outcome: 'running', durationMs: null }), en)).toBe('Still running');
    expect(runDuration(run({ outcome: 'interrupted', durationMs: null }), en)).toBe('Not recorded');
  });
});

describe('counts', () => {
  it('lists only the kinds of change found, then what arrived', () => {
    const counts = {
      received: 1200,
      added: 0,
      updated: 3,
      deleted: 1,
      restored: 0,
      missing: 2,
      unchanged: 1194,
    };
    expect(countItems(run({ counts }), en).map((item) => item.text)).toEqual([
      '3 updated',
      '1 deleted',
      '2 missing',
      '1,200 received',
    ]);
    expect(runChangesText(run({ counts }), en)).toBe('6 changes');
  });

  it('does not call a baseline a million additions', () => {
    const counts = {
      received: 1,
      added: 1,
      updated: 0,
      deleted: 0,
      restored: 0,
      missing: 0,
      unchanged: 0,
    };
    const baseline = run({ outcome: 'baseline', counts });
    expect(runChangesText(baseline, en)).toBe('1 contact saved as the starting copy');
    expect(countItems(baseline, en)).toEqual([]);
  });

  it('has nothing to count for a run without counts', () => {
    expect(countItems(run({ counts: null }), en)).toEqual([]);
    expect(runChangesText(run({ counts: null }), en)).toBeNull();
    expect(changesText(0, en)).toBe('No changes');
    expect(changesText(1, en)).toBe('1 change');
  });
});
