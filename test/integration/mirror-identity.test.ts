/**
 * The mirror is tied to what it mirrors : `--time-zone UTC` used to turn 5,005
 * unchanged contacts into "updated" (and back), another `--base-url` gave 92,196 "added" and
 * 94,998 "missing". A change of server, group or time zone now starts a new baseline that says
 * why, and a damaged settings file never makes a sync fall back to the production server.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bilingual } from '../../common/i18n/format-message.ts';
import packageJson from '../../package.json' with { type: 'json' };
import { MIRROR_FILE, openStores, type OpenedStores } from '../../main/compose/open-stores.ts';
import { createStoresEngine } from '../../main/compose/stores-engine.ts';
import { userAgentFor } from '../../main/core/amoot/client.ts';
import { normaliseBaseUrl } from '../../main/core/sync/mirror-identity.ts';
import { startSimulator, type Simulator } from '../simulator/index.ts';

const TOKEN = 'mirror-identity-token-77c2';
const CONTACTS = 1500;
let sim: Simulator;
let other: Simulator;
const dirs: string[] = [];

beforeAll(async () => {
  sim = await startSimulator({ contacts: CONTACTS, seed: 3, tokens: { [TOKEN]: 'valid' } });
  other = await startSimulator({ contacts: 1200, seed: 4, tokens: { [TOKEN]: 'valid' } });
});
afterAll(async () => {
  await sim.close();
  await other.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function withStores<T>(dir: string, use: (stores: OpenedStores) => Promise<T>): Promise<T> {
  const stores = openStores({ dir });
  return use(stores).finally(() => stores.close());
}

function sync(dir: string, patch: Record<string, string> = {}) {
  return withStores(dir, async (stores) => {
    if (Object.keys(patch).length > 0) expect(stores.settings.update(patch).ok).toBe(true);
    const engine = createStoresEngine(stores, {
      readToken: () => Promise.resolve(TOKEN),
      fetch: globalThis.fetch,
      userAgent: userAgentFor(packageJson.version, process.platform),
    });
    return {
      run: await engine.run('cli'),
      changeLog: stores.mirror.queryUpdates({ order: 'detected-time', limit: 1 }).total,
    };
  });
}

async function baselineFolder(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amoot-identity-'));
  dirs.push(dir);
  const { run } = await sync(dir, { baseUrl: sim.baseUrl, contactGroupId: '0' });
  expect(run.outcome).toBe('baseline');
  return dir;
}

describe('a sync of another time zone, group or server than the mirror', () => {
  it('starts a new baseline instead of reporting every contact as updated, and back again', async () => {
    const dir = await baselineFolder();
    sim.update(10);
    const changed = await sync(dir);
    expect(changed.run.counts?.updated).toBe(10);
    const logged = changed.changeLog;

    const utc = await sync(dir, { serverTimeZone: 'UTC' });
    expect(utc.run).toMatchObject({
      outcome: 'baseline',
      newBaseline: { reason: 'time-zone' },
      counts: { received: CONTACTS, updated: 0, missing: 0 },
      warnings: [{ key: 'sync.new-baseline.time-zone' }],
    });
    expect(bilingual(utc.run.warnings[0]!).fa).not.toBe('');
    // The earlier change log is kept, and nothing fake was added to it.
    expect(utc.changeLog).toBe(logged);
    const same = await sync(dir);
    expect(same.run).toMatchObject({
      outcome: 'success',
      counts: { updated: 0, unchanged: CONTACTS },
    });
    const back = await sync(dir, { serverTimeZone: 'Asia/Tehran' });
    expect(back.run).toMatchObject({ outcome: 'baseline', newBaseline: { reason: 'time-zone' } });
    expect(back.changeLog).toBe(logged);
  });

  it('another server: a new baseline of its contacts, none "added" or "missing"', async () => {
    const dir = await baselineFolder();
    const moved = await sync(dir, { baseUrl: other.baseUrl });
    expect(moved.run).toMatchObject({
      outcome: 'baseline',
      newBaseline: { reason: 'server' },
      counts: { received: 1200, added: 1200, missing: 0 },
    });
    expect(moved.changeLog).toBe(0);
    await withStores(dir, async (stores) => expect(stores.mirror.count()).toBe(1200));
    // A trailing slash, an upper-case host or the default port is the same server.
    expect(normaliseBaseUrl('HTTPS://Portal.AmootSMS.com:443/rest/')).toBe(
      normaliseBaseUrl('https://portal.amootsms.com/rest'),
    );
  });

  it('another contact group: a new baseline that says so', async () => {
    const dir = await baselineFolder();
    const group = await sync(dir, { contactGroupId: '7' });
    expect(group.run).toMatchObject({ outcome: 'baseline', newBaseline: { reason: 'group' } });
  });

  it('a mirror from before identities adopts the first sync’s without a new baseline', async () => {
    const dir = await baselineFolder();
    const db = new DatabaseSync(path.join(dir, MIRROR_FILE));
    db.exec('DELETE FROM mirror_identity');
    db.close();
    sim.update(5);
    const adopted = await sync(dir);
    expect(adopted.run).toMatchObject({ outcome: 'success', counts: { updated: 5 } });
    expect(adopted.run.newBaseline).toBeUndefined();
    await withStores(dir, async (stores) =>
      expect(stores.mirror.identity()).toMatchObject({
        contactGroupId: '0',
        serverTimeZone: 'Asia/Tehran',
      }),
    );
  });
});

describe('settings that cannot be used', () => {
  it('a damaged saved setting is named and stops syncing until it is set again', async () => {
    const dir = await baselineFolder();
    const file = path.join(dir, 'settings.json');
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(
      file,
      JSON.stringify({ ...saved, baseUrl: 'ftp://nowhere', contactGroupId: -3 }),
    );
    const requests = sim.requests.length;
    await withStores(dir, async (stores) => {
      expect(stores.messages).toEqual([
        { key: 'settings.stored.unusable', params: { fields: 'contactGroupId, baseUrl' } },
      ]);
      const engine = createStoresEngine(stores, {
        readToken: () => Promise.resolve(TOKEN),
        fetch: globalThis.fetch,
        userAgent: 'test',
      });
      const run = await engine.run('cli');
      expect(run).toMatchObject({
        outcome: 'failed',
        errorKind: 'settings',
        message: { key: 'sync.settings-unusable', params: { fields: 'contactGroupId, baseUrl' } },
      });
      expect(bilingual(run.message!).en).toContain('baseUrl');
      expect(bilingual(run.message!).fa).toContain('baseUrl');
    });
    // No request reached any server: above all not the production one.
    expect(sim.requests.length).toBe(requests);
    // The bad values are still in the file, and so still refused by the next process.
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ baseUrl: 'ftp://nowhere' });
    const again = await sync(dir, { baseUrl: sim.baseUrl, contactGroupId: '0' });
    expect(again.run.outcome).toBe('success');
  });

  it('a settings file moved aside takes the server, group and zone back from the mirror', async () => {
    const dir = await baselineFolder();
    fs.writeFileSync(path.join(dir, 'settings.json'), '{ not json');
    await withStores(dir, async (stores) => {
      expect(stores.messages.map((message) => message.key)).toEqual([
        'settings.recovered',
        'settings.restored-from-mirror',
      ]);
      expect(stores.settings.get()).toMatchObject({ baseUrl: sim.baseUrl, contactGroupId: '0' });
    });
    const run = (await sync(dir)).run;
    expect(run).toMatchObject({ outcome: 'success', counts: { added: 0, missing: 0 } });
  });
});
