import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { STATUS_TITLES } from '../../common/status-titles.ts';
import { fetchContactUpdates, type ContactUpdatesRequest } from '../../main/core/amoot/client.ts';
import { startSimulator, type Fault, type Simulator } from '../simulator/index.ts';

const TOKEN = 'integration-token-5f2c';
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({
    contacts: 300,
    seed: 7,
    tokens: { [TOKEN]: 'valid' },
    bigIds: true,
  });
});
afterAll(async () => {
  await sim.close();
});
afterEach(() => {
  sim.setFault(null);
  sim.setToken(TOKEN, 'valid');
});

function call(overrides: Partial<ContactUpdatesRequest> & { unchangedSince?: undefined } = {}) {
  return fetchContactUpdates({
    token: TOKEN,
    contactGroupId: '0',
    baseUrl: sim.baseUrl,
    fetch,
    userAgent: 'AmootContactSync/0.1.0 (test)',
    timeoutMs: 2_000,
    ...overrides,
  });
}

async function failure(
  overrides: Partial<ContactUpdatesRequest> & { unchangedSince?: undefined } = {},
) {
  const result = await call(overrides);
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

/** The instant the simulator meant: its wall time is Tehran, UTC+03:30 in the years it generates. */
function expectedInstant(wall: string): number {
  const [date, time = '00:00:00'] = wall.split('T');
  const [clock = '', fraction = ''] = time.split('.');
  return Date.parse(`${date}T${clock}.${fraction.padEnd(3, '0').slice(0, 3)}+03:30`);
}

describe('the request', () => {
  it('is a form POST with the raw token, JSON accept and a user agent', async () => {
    const before = sim.requests.length;
    await call({ contactGroupId: 12n });
    const request = sim.requests[before];
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/rest/ContactListUpdates');
    expect(request?.headers['authorization']).toBe(TOKEN);
    expect(request?.headers['accept']).toBe('application/json');
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request?.headers['user-agent']).toBe('AmootContactSync/0.1.0 (test)');
    expect(request?.body).toBe('ContactGroupID=12');
  });

  it.each([
    ['-1', 'input.group.negative'],
    ['1.5', 'input.group.not-integer'],
    ['1e3', 'input.group.not-integer'],
    ['9223372036854775808', 'input.group.too-large'],
    ['', 'input.group.empty'],
  ])('is never sent for the group %j', async (group, key) => {
    const before = sim.requests.length;
    const error = await failure({ contactGroupId: group });
    expect(error).toMatchObject({ kind: 'input', status: null, message: { key } });
    expect(sim.requests.length).toBe(before);
  });

  it('is never sent for a token with a space inside', async () => {
    const before = sim.requests.length;
    expect((await failure({ token: 'abc def' })).message.key).toBe('input.token.whitespace');
    expect(sim.requests.length).toBe(before);
  });
});

describe('a successful answer', () => {
  it('returns every record exactly, IDs above 2^53 included', async () => {
    const result = await call();
    if (!result.ok) throw new Error(result.error.detail);
    const expected = sim.records().map((record) => ({
      id: record.id.toString(),
      updatedAtMs: expectedInstant(record.updateDateTime),
      deleted: record.deleted,
    }));
    expect(result.records).toEqual(expected);
    expect(result.records.some((record) => BigInt(record.id) > 2n ** 53n)).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(result.bytesReceived).toBeGreaterThan(1000);
  });

  it('sees changes made between calls', async () => {
    const changed = sim.update(5);
    const added = sim.add(2);
    sim.markDeleted([changed[0] as bigint]);
    const result = await call();
    if (!result.ok) throw new Error(result.error.detail);
    const byId = new Map(result.records.map((record) => [record.id, record]));
    for (const id of added) expect(byId.has(id.toString())).toBe(true);
    expect(byId.get(String(changed[0]))?.deleted).toBe(true);
  });

  it.each<Fault>([{ kind: 'bom' }, { kind: 'gzip' }, { kind: 'latency', ms: 150 }])(
    'reads an answer with %j',
    async (fault) => {
      sim.setFault(fault);
      const result = await call();
      expect(result.ok && result.records.length).toBe(sim.records().length);
    },
  );

  it('keeps the latest time of duplicated IDs and says how many were repeated', async () => {
    sim.setFault({ kind: 'duplicate-ids', count: 3 });
    const result = await call();
    if (!result.ok) throw new Error(result.error.detail);
    expect(new Set(result.records.map((record) => record.id)).size).toBe(result.records.length);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]?.key).toBe('warning.duplicate-ids');
    expect(Number(result.warnings[0]?.params?.['count'])).toBeGreaterThanOrEqual(3);
  });

  it('reports progress in bytes as the body arrives', async () => {
    const seen: number[] = [];
    const result = await call({ onProgress: (bytes) => seen.push(bytes) });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe(result.ok ? result.bytesReceived : -1);
  });
});

describe('the answer fingerprint', () => {
  async function fingerprintOf(overrides: Partial<ContactUpdatesRequest> = {}) {
    const result = await fetchContactUpdates({
      token: TOKEN,
      contactGroupId: '0',
      baseUrl: sim.baseUrl,
      fetch,
      userAgent: 'test',
      ...overrides,
    });
    if (!result.ok) throw new Error(result.error.detail);
    return result;
  }

  it('is the same for the same answer and skips parsing it again', async () => {
    const first = await fingerprintOf();
    expect(first.unchanged).toBe(false);
    const again = await fingerprintOf({ unchangedSince: first.fingerprint });
    expect(again).toEqual({
      ok: true,
      unchanged: true,
      status: 'Success',
      bytesReceived: first.bytesReceived,
      fingerprint: first.fingerprint,
    });
  });

  it('changes when one contact changes, so the change is parsed', async () => {
    const before = await fingerprintOf();
    sim.update(1);
    const after = await fingerprintOf({ unchangedSince: before.fingerprint });
    expect(after.unchanged).toBe(false);
    expect(after.fingerprint).not.toBe(before.fingerprint);
  });

  it('changes with the server time zone, which changes what the same bytes mean', async () => {
    const tehran = await fingerprintOf();
    const utc = await fingerprintOf({ serverTimeZone: 'UTC', unchangedSince: tehran.fingerprint });
    expect(utc.unchanged).toBe(false);
  });
});

describe('every status title', () => {
  const titles = Object.entries(STATUS_TITLES).filter(([title]) => title !== 'Success');
  it.each(titles)('%s from the token state is classified %j', async (title, { class: kind }) => {
    sim.setToken(TOKEN, title);
    const error = await failure();
    expect(error).toMatchObject({ kind, status: title, message: { key: `status.${title}` } });
  });

  it('an unknown token is Token_NotExists', async () => {
    expect(await failure({ token: 'nobody-has-this' })).toMatchObject({
      kind: 'auth',
      status: 'Token_NotExists',
    });
  });

  it('a title the app does not know is unknown, with its raw text', async () => {
    sim.setFault({ kind: 'status', title: 'Brand_New_Status' });
    expect(await failure()).toMatchObject({ kind: 'unknown', status: 'Brand_New_Status' });
  });

  it('the server refusing a group the client let through is input', async () => {
    sim.setFault({ kind: 'status', title: 'ContactGroupID_Invalid' });
    expect(await failure()).toMatchObject({ kind: 'input', status: 'ContactGroupID_Invalid' });
  });
});

describe('every fault', () => {
  it.each<[Fault, string, string]>([
    [{ kind: 'rate-limit', retryAfter: '7' }, 'rate-limit', 'error.rate-limit'],
    [{ kind: 'http-status', status: 500 }, 'server', 'error.server-http'],
    [{ kind: 'http-status', status: 502 }, 'server', 'error.server-http'],
    [{ kind: 'http-status', status: 503 }, 'server', 'error.server-http'],
    [{ kind: 'http-status', status: 404 }, 'protocol', 'error.http-not-found'],
    [{ kind: 'html-200' }, 'protocol', 'error.protocol.html'],
    [{ kind: 'truncated' }, 'protocol', 'error.protocol.truncated'],
    [{ kind: 'invalid-json' }, 'protocol', 'error.protocol.not-json'],
    [{ kind: 'empty-body' }, 'protocol', 'error.protocol.empty'],
    [{ kind: 'stall-after-headers' }, 'timeout', 'error.timeout.stalled'],
    [{ kind: 'stall-before-headers' }, 'timeout', 'error.timeout'],
  ])('%j → %s (%s)', async (fault, kind, key) => {
    sim.setFault(fault);
    const error = await failure({ timeoutMs: 400 });
    expect(error).toMatchObject({ kind, status: null, message: { key } });
  });

  it('honours Retry-After in seconds and as an HTTP-date', async () => {
    sim.setFault({ kind: 'rate-limit', retryAfter: '120' });
    expect((await failure()).retryAfterMs).toBe(120_000);
    const now = Date.parse('2026-11-27T10:00:00Z');
    sim.setFault({ kind: 'rate-limit', retryAfter: 'Fri, 27 Nov 2026 10:00:45 GMT' });
    expect((await failure({ now: () => now })).retryAfterMs).toBe(45_000);
  });

  it('a reset mid-body is a network or truncation failure, never a success', async () => {
    sim.setFault({ kind: 'reset' });
    expect(['network', 'protocol']).toContain((await failure()).kind);
  });

  it.each([
    ['id-string', 'Data[2].ID'],
    ['id-negative', 'Data[2].ID'],
    ['id-fraction', 'Data[2].ID'],
    ['date-number', 'Data[2].UpdateDateTime'],
    ['date-impossible', 'Data[2].UpdateDateTime'],
    ['date-bad-format', 'Data[2].UpdateDateTime'],
    ['deleted-string', 'Data[2].Deleted'],
    ['item-not-object', 'Data[2]'],
    ['data-null', 'Data'],
    ['data-missing', 'Data'],
    ['data-object', 'Data'],
    ['status-missing', 'Status'],
  ] as const)('wrong types (%s) name the field path %s', async (variant, path) => {
    sim.setFault({ kind: 'wrong-types', variant, index: 2 });
    const error = await failure();
    expect(error).toMatchObject({
      kind: 'protocol',
      message: { key: 'error.protocol.shape', params: { path } },
    });
  });

  it('a closed port is a refused connection', async () => {
    const closed = await startSimulator({ contacts: 1 });
    const url = closed.baseUrl;
    await closed.close();
    expect(await failure({ baseUrl: url })).toMatchObject({
      kind: 'network',
      message: { key: 'error.network.refused' },
    });
  });

  it('a cancelled call ends at once as cancelled', async () => {
    sim.setFault({ kind: 'stall-after-headers' });
    const controller = new AbortController();
    const before = sim.requests.length;
    // The call's own timeout is an hour away: only the cancel can end it (within the test's time),
    // with no stopwatch to misread a busy machine.
    const ended = failure({ signal: controller.signal, timeoutMs: 3_600_000 });
    // Cancelled once the server holds the request and stalls, not at a guessed moment.
    await vi.waitFor(() => expect(sim.requests.length).toBeGreaterThan(before), { interval: 5 });
    controller.abort();
    expect(await ended).toMatchObject({ kind: 'cancelled' });
  });

  it('an already cancelled call sends nothing', async () => {
    const before = sim.requests.length;
    expect((await failure({ signal: AbortSignal.abort() })).kind).toBe('cancelled');
    expect(sim.requests.length).toBe(before);
  });

  it('never puts the token in an error, whatever fails', async () => {
    for (const fault of [
      { kind: 'truncated' },
      { kind: 'html-200' },
      { kind: 'http-status', status: 503 },
    ] as Fault[]) {
      sim.setFault(fault);
      expect(JSON.stringify(await failure())).not.toContain(TOKEN);
    }
  });
});
