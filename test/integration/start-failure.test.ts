import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { startFailureMessage } from '../../main/desktop/lifecycle/start-failure.ts';
import { openStores } from '../../main/compose/open-stores.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('the start-up failure message', () => {
  it('tells the user to update the app when the mirror was written by a newer version', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'amoot-start-failure-'));
    folders.push(dir);
    openStores({ dir }).close();
    // The same file as a newer version of the app leaves it: a schema this one does not know.
    const db = new DatabaseSync(path.join(dir, 'mirror.sqlite'));
    db.exec('PRAGMA user_version = 999');
    db.close();
    let thrown: unknown;
    try {
      openStores({ dir }).close();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(startFailureMessage(thrown, '/logs')).toEqual({
      key: 'app.start-failed.mirror-too-new',
      params: { logs: '/logs' },
    });
  });

  it('points at the log for any other failure', () => {
    expect(startFailureMessage(new Error('EACCES'), '/logs').key).toBe('app.start-failed.body');
  });
});
