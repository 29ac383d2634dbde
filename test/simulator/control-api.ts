/**
 * `/_control/…`: the same controls a test has, over HTTP with JSON, so a person can drive a running
 * simulator with curl from a second terminal while watching the app. IDs travel as decimal strings
 * because JSON numbers cannot carry 64-bit IDs.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultError, parseFault, parseTimes } from './fault-parse.ts';
import { BodyTooLargeError, readBody, sendJson } from './http-util.ts';
import type { Fault, RecordedRequest, Simulator } from './types.ts';

/** What the control API needs beyond the public Simulator interface. */
export interface ControlTarget extends Simulator {
  state(): Record<string, unknown>;
  clearRequests(): void;
}

class BadInput extends Error {
  override name = 'BadInput';
}

type Body = Record<string, unknown>;
type Route = (target: ControlTarget, body: Body) => unknown;

function parseIds(body: Body): bigint[] {
  const ids = body['ids'];
  if (!Array.isArray(ids)) throw new BadInput('"ids" must be an array of decimal strings');
  return ids.map((id: unknown) => {
    if (typeof id === 'string' && /^-?[0-9]+$/.test(id)) return BigInt(id);
    if (typeof id === 'number' && Number.isSafeInteger(id)) return BigInt(id);
    throw new BadInput(`bad id ${JSON.stringify(id)}: use decimal strings such as "12345678"`);
  });
}

function parseCount(body: Body): number {
  const count = body['count'];
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0)
    throw new BadInput('"count" must be a non-negative integer');
  return count;
}

const idStrings = (ids: readonly bigint[]): string[] => ids.map(String);

/** `{"kind":…, "times"?}` or `{"fault": … | null, "times"?}`; `null` clears. */
function setFaultRoute(target: ControlTarget, body: Body | null): unknown {
  const wrapped = body !== null && 'fault' in body;
  const { times: rawTimes, ...rest } = body ?? {};
  const fault: Fault | null = parseFault(wrapped ? body['fault'] : body === null ? null : rest);
  const times = parseTimes(rawTimes);
  target.setFault(fault, times === undefined ? undefined : { times });
  return target.state();
}

const POST_ROUTES: Record<string, Route> = {
  token: (target, body) => {
    const { token, state } = body;
    if (typeof token !== 'string' || token === '')
      throw new BadInput('"token" must be a non-empty string');
    if (state === null || state === 'remove') target.removeToken(token);
    else if (typeof state === 'string' && state !== '') target.setToken(token, state);
    else throw new BadInput('"state" must be "valid", a status title, or null to remove the token');
    return target.state();
  },
  update: (target, body) => {
    if ('ids' in body) {
      const ids = parseIds(body);
      target.updateIds(ids);
      return { ids: idStrings(ids) };
    }
    return { ids: idStrings(target.update(parseCount(body))) };
  },
  add: (target, body) => ({ ids: idStrings(target.add(parseCount(body))) }),
  delete: (target, body) => {
    const ids = parseIds(body);
    target.markDeleted(ids);
    return { ids: idStrings(ids) };
  },
  restore: (target, body) => {
    const ids = parseIds(body);
    target.restore(ids);
    return { ids: idStrings(ids) };
  },
  remove: (target, body) => {
    const ids = parseIds(body);
    target.remove(ids);
    return { ids: idStrings(ids) };
  },
};

function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadInput('body is not valid JSON');
  }
}

function asObject(value: unknown): Body {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new BadInput('body must be a JSON object');
  return value as Body;
}

export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
  target: ControlTarget,
): Promise<void> {
  try {
    const text = await readBody(req);
    const method = req.method ?? 'GET';
    if (name === 'state' || name === 'requests') {
      if (name === 'requests' && method === 'DELETE') {
        target.clearRequests();
        return sendJson(res, 200, { requests: [] });
      }
      if (method !== 'GET') return sendJson(res, 405, { error: `use GET /_control/${name}` });
      const value: unknown =
        name === 'state'
          ? target.state()
          : { requests: target.requests satisfies RecordedRequest[] };
      return sendJson(res, 200, value);
    }
    if (name === 'fault') {
      if (method !== 'POST') return sendJson(res, 405, { error: 'use POST /_control/fault' });
      const body = parseJsonBody(text);
      return sendJson(res, 200, setFaultRoute(target, body === null ? null : asObject(body)));
    }
    const route = POST_ROUTES[name];
    if (route === undefined)
      return sendJson(res, 404, { error: `no control endpoint /_control/${name}` });
    if (method !== 'POST') return sendJson(res, 405, { error: `use POST /_control/${name}` });
    return sendJson(res, 200, route(target, asObject(parseJsonBody(text))));
  } catch (error) {
    if (
      error instanceof BadInput ||
      error instanceof FaultError ||
      error instanceof RangeError ||
      error instanceof BodyTooLargeError
    ) {
      return sendJson(res, 400, { error: error.message });
    }
    throw error;
  }
}
