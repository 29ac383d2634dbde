/**
 * Public types of the AmootSMS simulator. They live apart from the server so tests, the CLI and the
 * control API can share them without pulling in `node:http`.
 */

/** 'valid' or any status title (known or not) the server should answer for that token. */
export type TokenState = string;

/** Variants of a body that is JSON but not the documented shape. */
export type WrongTypesVariant =
  | 'id-string'
  | 'id-negative'
  | 'id-fraction'
  | 'date-number'
  | 'deleted-string'
  | 'data-null'
  | 'data-missing'
  | 'data-object'
  | 'status-missing'
  | 'item-not-object'
  | 'date-impossible'
  | 'date-bad-format';

/** Something a network, proxy or buggy server could do to an answer; see `fault-responder.ts`. */
export type Fault =
  | { kind: 'latency'; ms: number }
  | { kind: 'stall-after-headers' }
  | { kind: 'stall-before-headers' }
  | { kind: 'rate-limit'; retryAfter?: string }
  | { kind: 'http-status'; status: number }
  /** A 30x to `location` (absolute or relative), as a moved host or an http downgrade would send. */
  | { kind: 'redirect'; status: 301 | 302 | 303 | 307 | 308; location: string }
  | { kind: 'html-200' }
  | { kind: 'truncated' }
  | { kind: 'reset' }
  | { kind: 'invalid-json' }
  | { kind: 'empty-body' }
  | { kind: 'status'; title: string }
  | { kind: 'wrong-types'; variant: WrongTypesVariant; index?: number }
  | { kind: 'duplicate-ids'; count: number }
  | { kind: 'bom' }
  | { kind: 'gzip' };

/** One request seen on the API path, kept so tests can assert what the client really sent. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  at: number;
}

export interface SimulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Size of the seeded data set; default 100. */
  contacts?: number;
  /** Same seed, same data set; default 1. */
  seed?: number;
  /** Registered tokens; default `{ demo: 'valid' }`. */
  tokens?: Record<string, TokenState>;
  /** Mix in IDs above 2^53, up to 9223372036854775807. */
  bigIds?: boolean;
  /** Clock for mutations and recorded requests (epoch ms); default `Date.now`. */
  now?: () => number;
  /** Receives one line per API request; silent when absent so test output stays clean. */
  log?: (line: string) => void;
}

/** One contact as the server sends it; `updateDateTime` is Tehran wall time with no offset. */
export interface SimRecord {
  id: bigint;
  updateDateTime: string;
  deleted: boolean;
}

export interface Simulator {
  readonly baseUrl: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  setToken(token: string, state: TokenState): void;
  removeToken(token: string): void;
  setFault(fault: Fault | null, options?: { times?: number }): void;
  records(): SimRecord[];
  update(count: number): bigint[];
  updateIds(ids: bigint[]): void;
  add(count: number): bigint[];
  markDeleted(ids: bigint[]): void;
  restore(ids: bigint[]): void;
  remove(ids: bigint[]): void;
  close(): Promise<void>;
}
