/**
 * What the simulator's own tests share: simulators closed after each test, and small clients
 * that call it the way the app will (fetch) or byte-exact (node:http, which neither decompresses
 * nor strips a BOM). Not imported by the simulator itself.
 */
import { request } from 'node:http';
import { afterEach } from 'vitest';
import { startSimulator } from './index.ts';
import type { Fault, Simulator, SimulatorOptions } from './index.ts';

/** The fixed clock of these tests: 2025-10-20T13:11:03.35 in Tehran, the vendor's sample time. */
export const NOW = Date.UTC(2025, 9, 20, 9, 41, 3, 350);

export interface Envelope {
  Status?: unknown;
  Data?: unknown;
}

export interface Item {
  ID: number;
  UpdateDateTime: string;
  Deleted: boolean;
}

/** Returns `start()`: 20 contacts and the fixed clock unless overridden, closed after each test. */
export function useSimulators(): (options?: SimulatorOptions) => Promise<Simulator> {
  let running: Simulator[] = [];
  afterEach(async () => {
    await Promise.all(running.map((sim) => sim.close()));
    running = [];
  });
  return async (options = {}) => {
    const sim = await startSimulator({ contacts: 20, now: () => NOW, ...options });
    running.push(sim);
    return sim;
  };
}

export interface CallOptions {
  /** Default 'demo'; null sends no Authorization header. */
  token?: string | null;
  body?: string | URLSearchParams;
  contentType?: string;
  signal?: AbortSignal;
}

export function call(sim: Simulator, options: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  const token = options.token === undefined ? 'demo' : options.token;
  if (token !== null) headers['Authorization'] = token;
  if (options.contentType !== undefined) headers['Content-Type'] = options.contentType;
  return fetch(`${sim.baseUrl}/ContactListUpdates`, {
    method: 'POST',
    headers,
    body: options.body ?? new URLSearchParams({ ContactGroupID: '0' }),
    signal: options.signal ?? AbortSignal.timeout(10_000),
  });
}

/** The parsed envelope; throws on anything but HTTP 200. */
export async function callJson(sim: Simulator, options: CallOptions = {}): Promise<Envelope> {
  const response = await call(sim, options);
  if (response.status !== 200) throw new Error(`expected HTTP 200, got ${response.status}`);
  return (await response.json()) as Envelope;
}

/** Data of a Success answer; throws on any other Status. */
export async function items(sim: Simulator): Promise<Item[]> {
  const body = await callJson(sim);
  if (body.Status !== 'Success') throw new Error(`expected Success, got ${String(body.Status)}`);
  return body.Data as Item[];
}

/** Sets `fault` for one request and makes it. */
export function faulted(sim: Simulator, fault: Fault): Promise<Response> {
  sim.setFault(fault, { times: 1 });
  return call(sim);
}

/** GET (no body) or POST (JSON body) to `/_control/<name>`. */
export function control(sim: Simulator, name: string, body?: unknown): Promise<Response> {
  return fetch(`${sim.baseUrl.replace(/\/rest$/, '')}/_control/${name}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

export interface RawAnswer {
  status: number;
  headers: Record<string, unknown>;
  body: Buffer;
}

/** POST through node:http: the bytes exactly as sent. */
export function rawCall(sim: Simulator, token = 'demo'): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const headers = { Authorization: token, 'Content-Type': 'application/x-www-form-urlencoded' };
    const req = request(`${sim.baseUrl}/ContactListUpdates`, { method: 'POST', headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end('ContactGroupID=0');
  });
}

/** Epoch ms of a server time text (Tehran wall time, up to 7 fraction digits). */
export function tehranMs(text: string): number {
  return Date.parse(`${text.replace(/(\.\d{3})\d+/, '$1')}+03:30`);
}
