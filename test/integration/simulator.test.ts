/**
 * The simulator over real HTTP, as the app's client will meet it: the data set, every status
 * title, request validation and data changes between syncs. Faults and the control API have
 * their own files beside this one.
 */
import { describe, expect, it } from 'vitest';
import { NOW, call, callJson, control, items, useSimulators } from '../simulator/test-client.ts';
import type { Envelope, Item } from '../simulator/test-client.ts';

const TIME_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?$/;
const start = useSimulators();

describe('answers', () => {
  it('serves the data set as the documented JSON, in records() order', async () => {
    const sim = await start();
    const response = await call(sim);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const data = ((await response.json()) as Envelope).Data as Item[];
    expect(data).toHaveLength(20);
    expect(data.map((item) => Object.keys(item))).toEqual(
      Array(20).fill(['ID', 'UpdateDateTime', 'Deleted']),
    );
    for (const item of data) expect(item.UpdateDateTime).toMatch(TIME_TEXT);
    expect(data.some((item) => item.Deleted)).toBe(true);
    expect(data).toEqual(
      sim
        .records()
        .map((r) => ({ ID: Number(r.id), UpdateDateTime: r.updateDateTime, Deleted: r.deleted })),
    );
  });

  it('serves the same bytes for the same seed and another set for another seed', async () => {
    const [a, b, c] = await Promise.all([
      start({ seed: 7 }),
      start({ seed: 7 }),
      start({ seed: 8 }),
    ]);
    const [textA, textB, textC] = await Promise.all(
      [a, b, c].map(async (sim) => (await call(sim)).text()),
    );
    expect(textA).toBe(textB);
    expect(textA).not.toBe(textC);
  });

  it('keeps the exact digits of IDs above 2^53 in the raw body', async () => {
    const sim = await start({ bigIds: true });
    const text = await (await call(sim)).text();
    expect(text).toContain('"ID":9223372036854775807,');
    expect(text).toContain('"ID":9007199254740993,');
    const ids = [...text.matchAll(/"ID":(\d+)/g)].map((match) => BigInt(match[1] ?? ''));
    expect(ids).toEqual(sim.records().map((r) => r.id));
  });

  it('serves 100,000 contacts with their exact length, rendered once until the data changes', async () => {
    const sim = await start({ contacts: 100_000 });
    const response = await call(sim);
    const text = await response.text();
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    const body = JSON.parse(text) as Envelope;
    expect(body.Status).toBe('Success');
    expect(body.Data).toHaveLength(100_000);
    expect(await (await call(sim)).text()).toBe(text);
    sim.update(1);
    expect(await (await call(sim)).text()).not.toBe(text);
  });
});

describe('status titles', () => {
  const titles = [
    'Token_NotExists',
    'Token_Disabled',
    'Token_Expired',
    'Token_NotAllowIP',
    'Token_NotAllowMethod',
    'User_NotExists',
    'User_MobileNotVerified',
    'User_Disabled',
    'User_Expired',
    'User_WebServiceBanned',
    'User_NotAllowWebService',
    'User_NotAllowIP',
    'User_NotAllowMethod',
    'User_NotAllowHttp',
    'UserNameOrPassword_Invalid',
    'AccountIsDemo',
    'CreditNotEnough',
    'Failed',
    'ServerError',
    'System_Disabled',
    'Weird_New_Status',
  ];

  it.each(titles)('answers a token in state %s with that title and no data', async (title) => {
    const sim = await start({ tokens: { demo: 'valid', other: title } });
    const response = await call(sim, { token: 'other' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(`{"Status":"${title}","Data":[]}`);
  });

  it('tells a missing, empty, unknown or Bearer-prefixed token apart', async () => {
    const sim = await start();
    expect((await callJson(sim, { token: null })).Status).toBe('Token_Invalid');
    expect((await callJson(sim, { token: '' })).Status).toBe('Token_Invalid');
    expect((await callJson(sim, { token: 'nobody' })).Status).toBe('Token_NotExists');
    expect((await callJson(sim, { token: 'Bearer demo' })).Status).toBe('Token_NotExists');
  });

  it('follows setToken and removeToken on the next request', async () => {
    const sim = await start();
    sim.setToken('demo', 'Token_Expired');
    expect((await callJson(sim)).Status).toBe('Token_Expired');
    sim.removeToken('demo');
    expect((await callJson(sim)).Status).toBe('Token_NotExists');
    sim.setToken('demo', 'valid');
    expect((await callJson(sim)).Status).toBe('Success');
  });

  it('checks the token before the group', async () => {
    const sim = await start({ tokens: { demo: 'valid', old: 'Token_Expired' } });
    const body = 'ContactGroupID=-1';
    expect(
      (
        await callJson(sim, {
          token: 'old',
          body,
          contentType: 'application/x-www-form-urlencoded',
        })
      ).Status,
    ).toBe('Token_Expired');
  });

  it.each([
    '',
    'ContactGroupID=',
    'ContactGroupID=-1',
    'ContactGroupID=1.5',
    'ContactGroupID=1e3',
    'ContactGroupID=9223372036854775808',
    'ContactGroupID=abc',
  ])('answers ContactGroupID_Invalid to the form %j', async (body) => {
    const sim = await start();
    expect(await callJson(sim, { body, contentType: 'application/x-www-form-urlencoded' })).toEqual(
      { Status: 'ContactGroupID_Invalid', Data: [] },
    );
  });

  it.each([
    ['ContactGroupID=9223372036854775807', 'application/x-www-form-urlencoded'],
    ['ContactGroupID=42', undefined],
    ['{"ContactGroupID":0}', 'application/json'],
  ])('accepts %j sent as %s', async (body, contentType) => {
    const sim = await start();
    expect(
      (await callJson(sim, { body, ...(contentType === undefined ? {} : { contentType }) })).Status,
    ).toBe('Success');
  });

  it('answers 405 to another method, 404 to another path, and records API requests only', async () => {
    const sim = await start();
    const get = await fetch(`${sim.baseUrl}/ContactListUpdates`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await fetch(`${sim.baseUrl}/SendSimple`, { method: 'POST' })).status).toBe(404);
    await control(sim, 'state');
    await call(sim, { token: 'demo' });
    expect(sim.requests.map((r) => r.method)).toEqual(['GET', 'POST']);
    const last = sim.requests[1];
    expect(last?.headers['authorization']).toBe('demo');
    expect(last?.body).toBe('ContactGroupID=0');
    expect(last?.path).toBe('/rest/ContactListUpdates');
    expect(last?.at).toBe(NOW);
  });
});

describe('changes between syncs', () => {
  it('shows update, add, delete, restore and remove in the next answer', async () => {
    const sim = await start();
    const before = new Map((await items(sim)).map((item) => [BigInt(item.ID), item]));
    const updated = sim.update(3);
    const added = sim.add(2);
    const live = sim
      .records()
      .filter((r) => !r.deleted && !updated.includes(r.id) && !added.includes(r.id));
    const [deleted, restoredLater, removed] = live.map((r) => r.id);
    sim.markDeleted([deleted ?? 0n, restoredLater ?? 0n]);
    sim.restore([restoredLater ?? 0n]);
    sim.remove([removed ?? 0n]);
    const after = new Map((await items(sim)).map((item) => [BigInt(item.ID), item]));
    expect(after.size).toBe(before.size + 2 - 1);
    for (const id of updated) {
      expect(after.get(id)?.UpdateDateTime).toBe('2025-10-20T13:11:03.35');
      expect(before.get(id)?.UpdateDateTime).not.toBe('2025-10-20T13:11:03.35');
    }
    for (const id of added)
      expect(after.get(id)).toEqual({
        ID: Number(id),
        UpdateDateTime: '2025-10-20T13:11:03.351',
        Deleted: false,
      });
    expect(after.get(deleted ?? 0n)?.Deleted).toBe(true);
    expect(after.get(restoredLater ?? 0n)?.Deleted).toBe(false);
    expect(after.get(restoredLater ?? 0n)?.UpdateDateTime).toBe('2025-10-20T13:11:03.353');
    expect(after.has(removed ?? 0n)).toBe(false);
  });

  it('refuses to change an ID it does not serve', async () => {
    const sim = await start();
    expect(() => sim.markDeleted([1n])).toThrow(/unknown contact id/);
  });
});
