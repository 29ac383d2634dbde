/**
 * One call from the window, start to finish: who sent it, what it carries, what the handler made
 * of it. The window is untrusted (DESIGN.md, "IPC"), so every step answers with a typed envelope
 * instead of throwing: an exception crossing IPC would show the page its message and stack.
 */
import { ARG_PARSERS } from '../../../common/ipc/arg-parsers.ts';
import type { ArgsOf, InvokeChannel, ResultOf } from '../../../common/ipc/contract.ts';
import { FORBIDDEN, INTERNAL, type IpcResponse } from '../../../common/ipc/envelope.ts';
import type { Parsed } from '../../../common/ipc/parse.ts';
import { redactSecrets } from '../../core/token/redact.ts';
import { describeError } from '../../core/describe-error.ts';

/** The parts of Electron's `IpcMainInvokeEvent` the checks read. */
export interface InvokeEventLike {
  readonly sender: unknown;
  /** Null when the frame navigated away or was destroyed before the call arrived. */
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export type SenderCheck = (event: InvokeEventLike) => boolean;

export type Handler<C extends InvokeChannel> = (
  args: ArgsOf<C>,
) => ResultOf<C> | Promise<ResultOf<C>>;

export interface CallContext {
  readonly event: InvokeEventLike;
  /** Everything after the event, as `ipcRenderer.invoke(channel, ...args)` sent it. */
  readonly args: readonly unknown[];
  readonly isTrustedSender: SenderCheck;
  /** English lines for main's log. */
  readonly log: (line: string) => void;
}

/** Arguments holding a secret, by channel: removed from anything logged about that call. */
const SECRET_FIELDS: Partial<Record<InvokeChannel, string>> = { 'token.set': 'token' };

const MAX_LOGGED_URL = 200;

export async function handleCall<C extends InvokeChannel>(
  channel: C,
  handler: Handler<C>,
  context: CallContext,
): Promise<IpcResponse<ResultOf<C>>> {
  const { event, args, log } = context;
  if (!isTrusted(context)) {
    log(`ipc: refused ${channel} from a sender other than the app's window (${senderUrl(event)})`);
    return FORBIDDEN;
  }
  const parsed = parseArgs(channel, args);
  if (!parsed.ok) {
    // The values are not logged: a token pasted into the wrong field must not reach the log.
    log(`ipc: ${channel}: bad arguments at ${parsed.path} (expected ${parsed.expected})`);
    return { ok: false, error: 'bad-arguments', path: parsed.path, expected: parsed.expected };
  }
  try {
    return { ok: true, value: await handler(parsed.value) };
  } catch (error) {
    log(
      redactSecrets(
        `ipc: ${channel} failed: ${describeError(error)}`,
        secretsIn(channel, parsed.value),
      ),
    );
    return INTERNAL;
  }
}

function isTrusted(context: CallContext): boolean {
  try {
    return context.isTrustedSender(context.event) === true;
  } catch (error) {
    context.log(`ipc: the sender check failed, so the call was refused: ${describeError(error)}`);
    return false;
  }
}

function parseArgs<C extends InvokeChannel>(
  channel: C,
  args: readonly unknown[],
): Parsed<ArgsOf<C>> {
  // The preload sends exactly one argument (`undefined` for calls that take none).
  if (args.length > 1) return { ok: false, path: '$', expected: 'a single argument' };
  try {
    return (ARG_PARSERS[channel] as (input: unknown) => Parsed<ArgsOf<C>>)(args[0]);
  } catch {
    // The parsers do not throw on data IPC can carry; this is a last line, not a path to rely on.
    return { ok: false, path: '$', expected: 'plain data' };
  }
}

function secretsIn(channel: InvokeChannel, args: unknown): string[] {
  const field = SECRET_FIELDS[channel];
  if (field === undefined || typeof args !== 'object' || args === null) return [];
  const value = (args as Record<string, unknown>)[field];
  return typeof value === 'string' ? [value] : [];
}

function senderUrl(event: InvokeEventLike): string {
  try {
    const url = event.senderFrame?.url ?? 'no frame';
    return url.length > MAX_LOGGED_URL ? `${url.slice(0, MAX_LOGGED_URL)}…` : url;
  } catch {
    return 'unknown frame';
  }
}
