/**
 * The questions a settings change needs before it is applied (`main/desktop/ipc/guarded-settings.ts`):
 * a new host for the token, start at sign-in switched either way, a shorter change log (entries
 * beyond the new limit are deleted after the next sync and cannot be brought back). Other
 * settings change nothing the user could not change back, so they need none.
 */
import type { Settings } from '../../../common/settings.ts';
import type { ConfirmRequest } from '../ports/confirm.ts';
import { newTokenHost } from './host-policy.ts';

export function settingsQuestions(before: Settings, after: Settings): ConfirmRequest[] {
  const questions: ConfirmRequest[] = [];
  const host = newTokenHost(before.baseUrl, after.baseUrl);
  if (host !== null) questions.push({ kind: 'send-token-to-host', host });
  if (after.startAtLogin !== before.startAtLogin) {
    questions.push({ kind: 'start-at-login', enable: after.startAtLogin });
  }
  for (const field of ['changeLogMaxAgeDays', 'changeLogMaxRows'] as const) {
    if (after[field] < before[field]) {
      questions.push({ kind: 'shorten-retention', field, from: before[field], to: after[field] });
    }
  }
  return questions;
}
