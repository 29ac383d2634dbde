import type { LocalizedMessage } from '../../common/i18n/format-message.ts';
import type { AmootError } from '../core/amoot/amoot-error.ts';
import { localizedOf } from '../core/sync/store-failure.ts';
import { redactSecrets } from '../core/token/redact.ts';
import { cliBilingual } from './cli-wording.ts';
import { describeError } from '../core/describe-error.ts';

/** The one failure shape every cli command prints: `status` is null when the API did not answer. */
export interface CliFailure {
  ok: false;
  kind: string;
  status: string | null;
  message: { en: string; fa: string };
}

export function failureFromError(error: AmootError): CliFailure {
  return {
    ok: false,
    kind: error.kind,
    status: error.status,
    message: cliBilingual(error.message),
  };
}

/** A mistake in how the cli was called: the same shape, class `input`. */
export function usageFailure(message: LocalizedMessage): CliFailure {
  return { ok: false, kind: 'input', status: null, message: cliBilingual(message) };
}

/** Thrown inside a command to stop with a usage failure; caught once, in `runCli`. */
export class CliUsageError extends Error {
  readonly failure: CliFailure;
  constructor(message: LocalizedMessage) {
    super(message.key);
    this.failure = usageFailure(message);
  }
}

/** Errors of the file system the user can act on, by the code Node gives them. */
const FILE_PROBLEMS: Readonly<Record<string, LocalizedMessage['key']>> = {
  ENOENT: 'cli.file.missing',
  ENOTDIR: 'cli.file.not-folder',
  EISDIR: 'cli.file.is-folder',
  EEXIST: 'cli.file.not-folder',
  EACCES: 'cli.file.denied',
  EPERM: 'cli.file.denied',
  EROFS: 'cli.file.read-only',
  ENOSPC: 'cli.file.disk-full',
  EDQUOT: 'cli.file.disk-full',
};

/**
 * Whatever a command threw, as the one JSON failure README promises: a usage mistake as it is, an
 * error that carries its own bilingual message (`localized`, with a `kind` when classified) in its
 * words, a file-system error by what the user can do about it, anything else as unexpected.
 */
export function failureFromThrown(error: unknown): CliFailure {
  if (error instanceof CliUsageError) return error.failure;
  const localized = localizedOf(error) ?? amootMessageOf(error);
  const kind = (error as { kind?: unknown } | null)?.kind;
  if (localized !== null) {
    const shownKind = typeof kind === 'string' ? kind : 'unknown';
    return { ok: false, kind: shownKind, status: null, message: cliBilingual(localized) };
  }
  const { code, path } = (error ?? {}) as { code?: unknown; path?: unknown };
  const fileProblem = typeof code === 'string' ? FILE_PROBLEMS[code] : undefined;
  if (fileProblem !== undefined) {
    const message = { key: fileProblem, params: { path: typeof path === 'string' ? path : '' } };
    return { ok: false, kind: 'storage', status: null, message: cliBilingual(message) };
  }
  return {
    ok: false,
    kind: 'unknown',
    status: null,
    message: cliBilingual({ key: 'cli.unexpected' }),
  };
}

/** The message of an `AmootError`-shaped value (a plain object with `kind` and `message.key`). */
function amootMessageOf(error: unknown): LocalizedMessage | null {
  if (error instanceof Error || typeof error !== 'object' || error === null) return null;
  const { kind, message } = error as { kind?: unknown; message?: unknown };
  return typeof kind === 'string' && localizedOf({ localized: message }) !== null
    ? (message as LocalizedMessage)
    : null;
}

/**
 * The technical detail of a thrown error for `--verbose`, with every given secret redacted by the
 * token vault's own redactor (encoded forms too).
 */
export function technicalDetail(error: unknown, secrets: readonly (string | undefined)[]): string {
  const text = describeError(error);
  return redactSecrets(
    text,
    secrets.filter((secret) => secret !== undefined),
  );
}
