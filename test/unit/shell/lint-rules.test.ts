import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

/** The messages of the import-boundary rule for `code` as if it lived at `file`. */
async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  if (result === undefined) throw new Error(`ESLint returned no result for ${file}`);
  const fatal = result.messages.filter((m) => m.fatal === true);
  expect(fatal).toEqual([]);
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const importElectron = "import { app } from 'electron';\nexport const name = app.getName();\n";

describe('import boundaries (eslint.config.js)', () => {
  it.each(['main/core/sync-engine.ts', 'common/ipc-contract.ts'])(
    'forbids electron in %s, saying why',
    async (file) => {
      const messages = await restrictedImports(file, importElectron);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain('plain Node');
      expect(messages[0]).toContain('DESIGN.md');
    },
  );

  it('forbids electron sub-paths in common/', async () => {
    const code =
      "import { ipcRenderer } from 'electron/renderer';\nexport const r = ipcRenderer;\n";
    expect(await restrictedImports('common/ipc.ts', code)).toHaveLength(1);
  });

  it('lets the Electron wiring in main/ import electron', async () => {
    expect(await restrictedImports('main/desktop/tray/tray.ts', importElectron)).toEqual([]);
  });

  it.each([
    ['@github/keytar', 'main/core/token.ts'],
    ['better-sqlite3', 'main/ipc.ts'],
    ['electron-store', 'renderer/src/lib/settings.ts'],
  ])('forbids %s in %s', async (pkg, file) => {
    const messages = await restrictedImports(
      file,
      `import lib from '${pkg}';\nexport default lib;\n`,
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('main/adapters/');
  });

  it('forbids the storage libraries alongside electron in main/core/', async () => {
    const code =
      "import { app } from 'electron';\nimport Store from 'electron-store';\nexport { app, Store };\n";
    expect(await restrictedImports('main/core/settings.ts', code)).toHaveLength(2);
  });

  it('lets main/adapters/ import the storage libraries', async () => {
    const code =
      "import keytar from '@github/keytar';\nimport Database from 'better-sqlite3';\nimport Store from 'electron-store';\nexport { keytar, Database, Store };\n";
    expect(await restrictedImports('main/adapters/token-store.ts', code)).toEqual([]);
  });
});
