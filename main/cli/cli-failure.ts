import { bilingual, type LocalizedMessage } from '../../common/i18n/format-message.ts';
import type { AmootError } from '../core/amoot/amoot-error.ts';

/** The one failure shape every cli command prints: `status` is null when the API did not answer. */
export interface CliFailure {
  ok: false;
  kind: string;
  status: string | null;
  message: { en: string; fa: string };
}

export function failureFromError(error: AmootError): CliFailure {
  return { ok: false, kind: error.kind, status: error.status, message: bilingual(error.message) };
}

/** A mistake in how the cli was called: the same shape, class `input`. */
export function usageFailure(message: LocalizedMessage): CliFailure {
  return { ok: false, kind: 'input', status: null, message: bilingual(message) };
}

/** Thrown inside a command to stop with a usage failure; caught once, in `runCli`. */
export class CliUsageError extends Error {
  readonly failure: CliFailure;
  constructor(message: LocalizedMessage) {
    super(message.key);
    this.failure = usageFailure(message);
  }
}
