import { describe, expect, it } from 'vitest';
import {
  confirmBoxOptions,
  confirmWithDialog,
  type ConfirmBoxOptions,
} from '../../../main/desktop/ipc/confirm-dialog.ts';
import type { ConfirmRequest } from '../../../main/core/ports/confirm.ts';

const EVERY_REQUEST: readonly ConfirmRequest[] = [
  { kind: 'send-token-to-host', host: 'api.example.net' },
  { kind: 'save-untested-token' },
  { kind: 'replace-token' },
  { kind: 'remove-token' },
  { kind: 'clear-history' },
  { kind: 'shorten-retention', field: 'changeLogMaxAgeDays', from: 365, to: 1 },
  { kind: 'shorten-retention', field: 'changeLogMaxRows', from: 2_000_000, to: 1000 },
  { kind: 'start-at-login', enable: true },
  { kind: 'start-at-login', enable: false },
];

describe("main's native questions", () => {
  it.each(EVERY_REQUEST)('asks $kind in both languages with Cancel as the default', (request) => {
    for (const language of ['en', 'fa'] as const) {
      const box = confirmBoxOptions(request, language);
      for (const text of [box.title, box.message, box.detail, ...box.buttons]) {
        expect(text).not.toMatch(/^confirm\.|\{[a-z]+\}/);
      }
      expect(box.buttons).toHaveLength(2);
      expect(box.defaultId).toBe(1);
      expect(box.cancelId).toBe(1);
      if (language === 'fa') expect(box.message).toMatch(/[\u0600-\u06FF]/);
    }
  });

  it('names the host the token would go to', () => {
    const box = confirmBoxOptions({ kind: 'send-token-to-host', host: 'evil.example' }, 'en');
    expect(box.message).toContain('evil.example');
    expect(box.detail).toContain('evil.example');
  });

  it('says yes only for the action button; Cancel, Escape and a failed dialog are a no', async () => {
    const answers: number[] = [];
    const shown: ConfirmBoxOptions[] = [];
    let fail = false;
    const errors: unknown[] = [];
    const confirm = confirmWithDialog(
      (options) => {
        shown.push(options);
        if (fail) return Promise.reject(new Error('no display'));
        return Promise.resolve({ response: answers.shift() ?? 1 });
      },
      () => 'en',
      (error) => errors.push(error),
    );
    answers.push(0);
    await expect(confirm({ kind: 'clear-history' })).resolves.toBe(true);
    answers.push(1);
    await expect(confirm({ kind: 'clear-history' })).resolves.toBe(false);
    fail = true;
    await expect(confirm({ kind: 'remove-token' })).resolves.toBe(false);
    expect(errors).toHaveLength(1);
    expect(shown.map((box) => box.buttons[0])).toEqual([
      'Clear history',
      'Clear history',
      'Remove token',
    ]);
  });
});
