/**
 * Driving the simulator from outside: the `/_control/` JSON API a person uses with curl, and the
 * `npm run simulator` command line.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { call, callJson, control, useSimulators } from '../simulator/test-client.ts';
import type { Simulator } from '../simulator/index.ts';
import type { Envelope } from '../simulator/test-client.ts';

const start = useSimulators();

describe('control API over HTTP', () => {
  const send = async (sim: Simulator, name: string, body?: unknown) => {
    const response = await control(sim, name, body);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('reports state and drives tokens and faults', async () => {
    const sim = await start();
    expect((await send(sim, 'state')).body).toMatchObject({
      contacts: 20,
      tokens: { demo: 'valid' },
      fault: null,
    });
    await send(sim, 'token', { token: 'demo', state: 'Token_Expired' });
    expect((await callJson(sim)).Status).toBe('Token_Expired');
    await send(sim, 'token', { token: 'demo', state: null });
    expect((await callJson(sim)).Status).toBe('Token_NotExists');
    await send(sim, 'token', { token: 'demo', state: 'valid' });
    const set = await send(sim, 'fault', { kind: 'status', title: 'System_Disabled', times: 1 });
    expect(set.body).toMatchObject({
      fault: { kind: 'status', title: 'System_Disabled' },
      faultTimesLeft: 1,
    });
    expect((await callJson(sim)).Status).toBe('System_Disabled');
    expect((await callJson(sim)).Status).toBe('Success');
    await send(sim, 'fault', { fault: { kind: 'status', title: 'Failed' } });
    expect((await callJson(sim)).Status).toBe('Failed');
    expect((await send(sim, 'fault', null)).body).toMatchObject({ fault: null });
    expect((await callJson(sim)).Status).toBe('Success');
  });

  it('changes data with IDs as decimal strings', async () => {
    const sim = await start({ bigIds: true });
    const updated = (await send(sim, 'update', { count: 2 })).body['ids'] as string[];
    expect(updated).toHaveLength(2);
    const added = (await send(sim, 'add', { count: 1 })).body['ids'] as string[];
    const max = '9223372036854775807';
    await send(sim, 'delete', { ids: [max] });
    await send(sim, 'remove', { ids: added });
    const byId = new Map(sim.records().map((r) => [String(r.id), r]));
    for (const id of updated) expect(byId.get(id)?.updateDateTime).toBe('2025-10-20T13:11:03.35');
    expect(byId.get(max)?.deleted).toBe(true);
    expect(byId.has(added[0] ?? '')).toBe(false);
    await send(sim, 'restore', { ids: [max] });
    expect(sim.records().find((r) => r.id === BigInt(max))?.deleted).toBe(false);
    expect((await send(sim, 'update', { ids: [max] })).body).toEqual({ ids: [max] });
  });

  it('lists and clears recorded requests without recording its own calls', async () => {
    const sim = await start();
    await call(sim);
    const listed = (await send(sim, 'requests')).body['requests'] as { body: string }[];
    expect(listed.map((r) => r.body)).toEqual(['ContactGroupID=0']);
    await fetch(`${sim.baseUrl.replace(/\/rest$/, '')}/_control/requests`, { method: 'DELETE' });
    expect(sim.requests).toHaveLength(0);
  });

  it.each([
    ['fault', { kind: 'teapot' }],
    ['fault', { kind: 'latency', ms: 5, times: 0 }],
    ['update', { count: -1 }],
    ['delete', { ids: [12.5] }],
    ['delete', { ids: ['1'] }],
    ['remove', { ids: '1' }],
    ['token', { token: '', state: 'valid' }],
  ])('answers 400 to /_control/%s %j', async (name, body) => {
    const sim = await start();
    const answer = await send(sim, name, body);
    expect(answer.status).toBe(400);
    expect(typeof answer.body['error']).toBe('string');
  });

  it('answers 400 to a body that is not JSON, 404 and 405 to wrong routes', async () => {
    const sim = await start();
    const root = sim.baseUrl.replace(/\/rest$/, '');
    expect((await fetch(`${root}/_control/add`, { method: 'POST', body: '{count:' })).status).toBe(
      400,
    );
    expect((await fetch(`${root}/_control/nothing`, { method: 'POST', body: '{}' })).status).toBe(
      404,
    );
    expect((await fetch(`${root}/_control/add`)).status).toBe(405);
  });
});

describe('cli', () => {
  const cli = new URL('../simulator/cli.ts', import.meta.url).pathname;
  const run = (args: string[]) =>
    spawn(
      process.execPath,
      ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', cli, ...args],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );

  it('prints the base URL and token, serves, and stops cleanly on SIGTERM', async () => {
    const child = run(['--contacts', '3', '--token', 'secret1', '--quiet']);
    let out = '';
    child.stdout.setEncoding('utf8');
    const baseUrl = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (text: string) => {
        out += text;
        const match = /base URL : (\S+)/.exec(out);
        if (match?.[1] !== undefined && out.includes('Ctrl+C')) resolve(match[1]);
      });
      child.once('exit', () => reject(new Error(`cli exited early: ${out}`)));
    });
    expect(out).toContain('token    : secret1');
    expect(out).toContain('/_control/state');
    const response = await fetch(`${baseUrl}/ContactListUpdates`, {
      method: 'POST',
      headers: { Authorization: 'secret1' },
      body: new URLSearchParams({ ContactGroupID: '0' }),
    });
    expect(((await response.json()) as Envelope).Data).toHaveLength(3);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });
});
