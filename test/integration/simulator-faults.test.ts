/**
 * The simulator's faults over real HTTP: what a proxy, captive portal, flaky network or buggy
 * server does to an answer, each checked as a client would see it.
 */
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { WrongTypesVariant } from '../simulator/index.ts';
import {
  call,
  callJson,
  faulted,
  items,
  rawCall,
  tehranMs,
  useSimulators,
} from '../simulator/test-client.ts';
import type { Envelope, Item } from '../simulator/test-client.ts';

const start = useSimulators();

describe('faults', () => {
  it('latency answers normally after the delay', async () => {
    const sim = await start();
    const started = performance.now();
    const body = (await (await faulted(sim, { kind: 'latency', ms: 200 })).json()) as Envelope;
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(body.Status).toBe('Success');
  });

  it('stall-before-headers never answers', async () => {
    const sim = await start();
    sim.setFault({ kind: 'stall-before-headers' });
    await expect(call(sim, { signal: AbortSignal.timeout(200) })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
  });

  it('stall-after-headers sends 200 and headers, then no body', async () => {
    const sim = await start();
    sim.setFault({ kind: 'stall-after-headers' });
    const controller = new AbortController();
    // However long the headers take on a busy machine; only the body is given 300 ms.
    const response = await call(sim, { signal: controller.signal });
    expect(response.status).toBe(200);
    const bodyWait = setTimeout(
      () => controller.abort(new DOMException('no body within 300 ms', 'TimeoutError')),
      300,
    );
    await expect(response.text()).rejects.toMatchObject({ name: 'TimeoutError' });
    clearTimeout(bodyWait);
  });

  it('close() ends stalled connections instead of hanging', async () => {
    const sim = await start();
    sim.setFault({ kind: 'stall-before-headers' });
    const pending = call(sim).then(
      () => 'answered',
      () => 'failed',
    );
    while (sim.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await sim.close();
    expect(await pending).toBe('failed');
  });

  it('close() stops a big answer mid-stream', async () => {
    const sim = await start({ contacts: 300_000 });
    const response = await call(sim);
    const reader = response.body?.getReader();
    expect((await reader?.read())?.done).toBe(false);
    await sim.close();
    await expect(
      (async () => {
        while (!(await reader?.read())?.done);
      })(),
    ).rejects.toThrow();
  });

  it.each([
    [undefined, '2'],
    ['Wed, 21 Oct 2026 07:28:00 GMT', 'Wed, 21 Oct 2026 07:28:00 GMT'],
  ])('rate-limit answers 429 with Retry-After (%s)', async (retryAfter, expected) => {
    const sim = await start();
    const response = await faulted(
      sim,
      retryAfter === undefined ? { kind: 'rate-limit' } : { kind: 'rate-limit', retryAfter },
    );
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe(expected);
  });

  it.each([500, 502, 503, 404])('http-status answers %i with an HTML page', async (status) => {
    const sim = await start();
    const response = await faulted(sim, { kind: 'http-status', status });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain(String(status));
  });

  it('html-200 is a captive portal page with status 200', async () => {
    const sim = await start();
    const response = await faulted(sim, { kind: 'html-200' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it('invalid-json and empty-body are 200 JSON answers that do not parse', async () => {
    const sim = await start();
    await expect((await faulted(sim, { kind: 'invalid-json' })).json()).rejects.toThrow(
      SyntaxError,
    );
    const empty = await faulted(sim, { kind: 'empty-body' });
    expect(empty.headers.get('content-length')).toBe('0');
    expect(await empty.text()).toBe('');
  });

  it('truncated sends the first half of the JSON, then ends the connection', async () => {
    const sim = await start();
    const whole = await (await call(sim)).text();
    const cut = await (await faulted(sim, { kind: 'truncated' })).text();
    expect(cut.length).toBe(Math.floor(whole.length / 2));
    expect(whole.startsWith(cut)).toBe(true);
    expect(() => JSON.parse(cut) as unknown).toThrow(SyntaxError);
  });

  it('reset breaks the connection mid-body', async () => {
    const sim = await start({ contacts: 2000 });
    await expect(
      faulted(sim, { kind: 'reset' }).then((response) => response.text()),
    ).rejects.toThrow();
    expect((await callJson(sim)).Status).toBe('Success');
  });

  it('status answers that title with empty data, whatever the token', async () => {
    const sim = await start();
    expect(await (await faulted(sim, { kind: 'status', title: 'ServerError' })).text()).toBe(
      '{"Status":"ServerError","Data":[]}',
    );
  });

  it('bom prefixes the JSON with a UTF-8 BOM, gzip encodes it, on failures too', async () => {
    const sim = await start();
    const plain = (await rawCall(sim)).body.toString('utf8');
    sim.setFault({ kind: 'bom' }, { times: 1 });
    const bom = await rawCall(sim);
    expect([...bom.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bom.body.subarray(3).toString('utf8')).toBe(plain);
    sim.setFault({ kind: 'gzip' }, { times: 2 });
    const gzip = await rawCall(sim);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString('utf8')).toBe(plain);
    expect(gunzipSync((await rawCall(sim, 'nobody')).body).toString('utf8')).toBe(
      '{"Status":"Token_NotExists","Data":[]}',
    );
  });

  it('duplicate-ids repeats records with later times and one with an earlier time', async () => {
    const sim = await start();
    const records = sim.records();
    const data = (
      (await (await faulted(sim, { kind: 'duplicate-ids', count: 3 })).json()) as Envelope
    ).Data as Item[];
    expect(data).toHaveLength(records.length + 4);
    const extra = data.slice(records.length);
    expect(extra.map((item) => BigInt(item.ID))).toEqual(records.slice(0, 4).map((r) => r.id));
    extra.forEach((item, i) => {
      const shift = tehranMs(item.UpdateDateTime) - tehranMs(records[i]?.updateDateTime ?? '');
      expect(shift).toBe(i < 3 ? 60_000 : -60_000);
    });
  });
});

describe('wrong-types fault', () => {
  type Check = (body: Envelope, first: Item | undefined, id: bigint, time: string) => void;
  const cases: [WrongTypesVariant, Check][] = [
    ['id-string', (_b, first, id) => expect(first?.ID).toBe(String(id))],
    ['id-negative', (_b, first, id) => expect(first?.ID).toBe(-Number(id))],
    ['id-fraction', (_b, first, id) => expect(first?.ID).toBe(Number(id) + 0.5)],
    ['date-number', (_b, first, _id, time) => expect(first?.UpdateDateTime).toBe(tehranMs(time))],
    ['deleted-string', (_b, first) => expect(first?.Deleted).toBe('false')],
    ['item-not-object', (_b, first, id) => expect(first).toBe(Number(id))],
    [
      'date-impossible',
      (_b, first) => expect(first?.UpdateDateTime).toMatch(/^\d{4}-02-30T\d{2}:\d{2}:\d{2}/),
    ],
    [
      'date-bad-format',
      (_b, first) =>
        expect(first?.UpdateDateTime).toMatch(
          /^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} [AP]M$/,
        ),
    ],
    ['data-null', (body) => expect(body).toEqual({ Status: 'Success', Data: null })],
    ['data-missing', (body) => expect(body).toEqual({ Status: 'Success' })],
    ['data-object', (body, _first, id) => expect((body.Data as Item).ID).toBe(Number(id))],
    ['status-missing', (body) => expect(Object.keys(body)).toEqual(['Data'])],
  ];

  it.each(cases)('%s', async (variant, check) => {
    const sim = await start();
    const [record] = sim.records();
    const body = (await (await faulted(sim, { kind: 'wrong-types', variant })).json()) as Envelope;
    check(
      body,
      Array.isArray(body.Data) ? (body.Data[0] as Item) : undefined,
      record?.id ?? 0n,
      record?.updateDateTime ?? '',
    );
  });

  it('corrupts only the item at the given index', async () => {
    const sim = await start();
    const clean = await items(sim);
    sim.setFault({ kind: 'wrong-types', variant: 'id-string', index: 4 }, { times: 1 });
    const data = await items(sim);
    expect(data[4]?.ID).toBe(String(clean[4]?.ID));
    expect(data.filter((item, i) => item.ID !== clean[i]?.ID)).toHaveLength(1);
  });
});

describe('fault lifetime', () => {
  it('applies to the next N requests with times, until cleared without', async () => {
    const sim = await start();
    const statuses = async (n: number) => {
      const out: unknown[] = [];
      for (let i = 0; i < n; i++) out.push((await callJson(sim)).Status);
      return out;
    };
    sim.setFault({ kind: 'status', title: 'Failed' }, { times: 2 });
    expect(await statuses(3)).toEqual(['Failed', 'Failed', 'Success']);
    sim.setFault({ kind: 'status', title: 'Failed' });
    expect(await statuses(3)).toEqual(['Failed', 'Failed', 'Failed']);
    sim.setFault(null);
    expect(await statuses(1)).toEqual(['Success']);
  });

  it('rejects a malformed fault', async () => {
    const sim = await start();
    expect(() => sim.setFault({ kind: 'latency', ms: -5 })).toThrow(/fault.ms/);
  });
});
