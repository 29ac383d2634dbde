/**
 * The shape of `window.amoot`, derived from the contract: channel `group.member` becomes the
 * method `amoot.group.member(args)`, so the window reads as a small domain API (`amoot.sync.now()`)
 * while every type still comes from `contract.ts`.
 */
import type { ArgsOf, EventChannel, InvokeChannel, PayloadOf, ResultOf } from './contract.ts';

/** One call: no parameter when the channel takes no arguments. */
export type ApiMethod<C extends InvokeChannel> = [ArgsOf<C>] extends [void]
  ? () => Promise<ResultOf<C>>
  : (args: ArgsOf<C>) => Promise<ResultOf<C>>;

type GroupOf<C extends string> = C extends `${infer G}.${string}` ? G : never;
export type ChannelGroup = GroupOf<InvokeChannel>;

/** Every call, grouped: `{ sync: { now, cancel, pause, resume }, token: { … }, … }`. */
export type AmootCalls = {
  readonly [G in ChannelGroup]: {
    readonly [C in InvokeChannel as C extends `${G}.${infer M}` ? M : never]: ApiMethod<C>;
  };
};

export type EventListener<E extends EventChannel> = (payload: PayloadOf<E>) => void;

/** Calls plus `on`: the part of `window.amoot` built by the preload's API factory. */
export type AmootApi = AmootCalls & {
  /** Listens to a main → window event; returns the function that stops listening. */
  readonly on: <E extends EventChannel>(event: E, listener: EventListener<E>) => () => void;
};

/** Everything on `window.amoot`: the API plus what the preload knows without asking main. */
export type AmootBridge = AmootApi & {
  /** The app's version, or null when main did not pass it to the preload. */
  readonly version: string | null;
  /** Node's platform name: 'win32', 'darwin', 'linux', … */
  readonly platform: string;
};

/** `'token.set'` → `['token', 'set']`: where a channel's method sits on the API object. */
export function methodPath(channel: InvokeChannel): readonly [group: string, member: string] {
  const dot = channel.indexOf('.');
  return [channel.slice(0, dot), channel.slice(dot + 1)];
}
