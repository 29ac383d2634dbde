/**
 * The shape of `window.amoot` and of the page's API over it, derived from the contract: channel
 * `group.member` becomes the method `amoot.group.member(args)`, so the window reads as a small
 * domain API (`amoot.sync.now()`) while every type still comes from `contract.ts`.
 *
 * There are two views of each call. The preload's (`Preload…`) answers with the envelope as plain
 * data and never rejects, because the contextBridge copies data faithfully but strips an error to
 * its message. The page's (`Amoot…`, built by `page-api.ts`) answers with the value and throws
 * `IpcError` for a failure.
 */
import type { ArgsOf, EventChannel, InvokeChannel, PayloadOf, ResultOf } from './contract.ts';
import type { IpcOutcome } from './envelope.ts';

/** One call answering with `R`: no parameter when the channel takes no arguments. */
type Method<C extends InvokeChannel, R> = [ArgsOf<C>] extends [void]
  ? () => Promise<R>
  : (args: ArgsOf<C>) => Promise<R>;

/** A page's call: the result, or an `IpcError` thrown. */
export type ApiMethod<C extends InvokeChannel> = Method<C, ResultOf<C>>;
/** The preload's call: the envelope, never a rejection. */
export type PreloadMethod<C extends InvokeChannel> = Method<C, IpcOutcome<ResultOf<C>>>;

type GroupOf<C extends string> = C extends `${infer G}.${string}` ? G : never;
export type ChannelGroup = GroupOf<InvokeChannel>;

/** One method per channel, grouped: `{ sync: { now, cancel, pause, resume }, token: { … }, … }`. */
type Grouped<M extends { readonly [C in InvokeChannel]: unknown }> = {
  readonly [G in ChannelGroup]: {
    readonly [C in InvokeChannel as C extends `${G}.${infer Member}` ? Member : never]: M[C];
  };
};

export type AmootCalls = Grouped<{ readonly [C in InvokeChannel]: ApiMethod<C> }>;
export type PreloadCalls = Grouped<{ readonly [C in InvokeChannel]: PreloadMethod<C> }>;

export type EventListener<E extends EventChannel> = (payload: PayloadOf<E>) => void;

interface Listening {
  /** Listens to a main → window event; returns the function that stops listening. */
  readonly on: <E extends EventChannel>(event: E, listener: EventListener<E>) => () => void;
}

/** What the preload knows without asking main. */
interface AppInfoFields {
  /** The app's version, or null when main did not pass it to the preload. */
  readonly version: string | null;
  /** Node's platform name: 'win32', 'darwin', 'linux', … */
  readonly platform: string;
}

/** Calls plus `on`, as the preload's API factory builds them. */
export type PreloadApi = PreloadCalls & Listening;
/** Everything the preload puts on `window.amoot`. */
export type PreloadBridge = PreloadApi & AppInfoFields;

/** Calls plus `on`, as the page uses them. */
export type AmootApi = AmootCalls & Listening;
/** The page's whole API: `window.amoot` with calls that answer with values. */
export type AmootBridge = AmootApi & AppInfoFields;

/** `'token.set'` → `['token', 'set']`: where a channel's method sits on the API object. */
export function methodPath(channel: InvokeChannel): readonly [group: string, member: string] {
  const dot = channel.indexOf('.');
  return [channel.slice(0, dot), channel.slice(dot + 1)];
}
