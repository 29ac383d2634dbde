import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it, vi } from 'vitest';
import { APP_USER_MODEL_ID } from '../../../main/desktop/lifecycle/app-identity.ts';
import { applyLoginItem } from '../../../main/desktop/lifecycle/login-item.ts';
import { TRAY_RESOURCES_FOLDER } from '../../../main/desktop/tray/tray-icons.ts';
import { FakeApp } from './fake-electron.ts';

const root = join(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);

// electron-builder parses electron-builder.yml with js-yaml and validates it with ajv against the
// scheme.json it ships; both come with electron-builder, so this test uses the very same pieces.
// js-yaml ships no type declarations, hence the narrow signature.
const { load } = require('js-yaml') as { load(text: string): unknown };
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as {
  definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
};
// strict: false as in electron-builder itself: the schema uses a non-standard `typeof` keyword.
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** The parts of the config this test reads; the schema check above covers the rest. */
interface BuilderConfig {
  files: string[];
  extraResources: { from: string; to: string }[];
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  win: { icon: string };
  nsis: {
    installerIcon: string;
    uninstallerIcon: string;
    include: string;
    installerLanguages: string[];
  };
  mac: { icon: string; entitlements: string; entitlementsInherit: string };
  linux: { icon: string };
}
const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
};

describe('electron-builder.yml', () => {
  it("matches electron-builder's schema", () => {
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would be rejected with a misspelt or mistyped option', () => {
    expect(validate({ ...config, productname: 'typo' })).toBe(false);
    expect(validate({ ...config, nsis: { oneClick: 'no' } })).toBe(false);
    expect(validate({ ...config, electronFuses: { strictlyRequireAllFuses: true } })).toBe(false);
  });

  it('packages the build output that package.json starts from, without sources or maps', () => {
    expect(config).toMatchObject({
      appId: 'com.amootsms.contactsync',
      productName: 'Amoot Contact Sync',
      copyright: expect.stringMatching(/^Copyright © \d{4} /),
      directories: { output: 'dist', buildResources: 'build' },
      files: [
        'out/**',
        'package.json',
        '!out/**/*.map',
        '!**/node_modules/better-sqlite3/{deps,src}/**',
        '!**/node_modules/@github/keytar/src/**',
      ],
    });
    expect(manifest.main.startsWith('out/')).toBe(true);
  });

  // `npm test` builds before it runs vitest, so under CI the output must be there; a developer
  // running vitest alone without a build skips this one check.
  const built = existsSync(join(root, 'out'));
  it.skipIf(!built && process.env['CI'] !== 'true')(
    "finds package.json's entry point in the build output",
    () => {
      expect(existsSync(join(root, manifest.main)), manifest.main).toBe(true);
    },
  );

  it.skipIf(!built && process.env['CI'] !== 'true')(
    'builds the sync process beside main, using only what Electron gives a utility process',
    () => {
      // A utility process gets `net`, `parentPort` and `systemPreferences` from 'electron', not
      // `app` or `BrowserWindow`: a stray import of those would crash every sync at start.
      const seen = new Set<string>();
      const electronImports = new Set<string>();
      const visit = (file: string): void => {
        if (seen.has(file)) return;
        seen.add(file);
        const code = readFileSync(file, 'utf8');
        for (const [, names, from] of code.matchAll(/import\s*\{([^}]*)\}\s*from\s*"([^"]+)"/g)) {
          if (from === 'electron') {
            for (const name of (names ?? '').split(',')) electronImports.add(name.trim());
          } else if (from?.startsWith('.')) {
            visit(join(dirname(file), from));
          }
        }
      };
      visit(join(root, 'out/main/sync-worker.js'));
      expect([...electronImports].filter((name) => name !== '')).toEqual(['net']);
      expect(seen.size).toBeGreaterThan(1);
    },
  );

  it('names only files and folders that exist in the repository', () => {
    const named = [
      config.win.icon,
      config.nsis.installerIcon,
      config.nsis.uninstallerIcon,
      config.nsis.include,
      config.mac.icon,
      config.mac.entitlements,
      config.mac.entitlementsInherit,
      config.linux.icon,
      ...config.extraResources.map((resource) => resource.from),
    ];
    expect(named.filter((path) => !existsSync(join(root, path)))).toEqual([]);
  });

  it('ships the tray icons where main/desktop/tray/tray-icons.ts looks for them', () => {
    expect(config.extraResources).toContainEqual({ from: 'build/tray', to: TRAY_RESOURCES_FOLDER });
    expect(readdirSync(join(root, 'build/tray')).length).toBeGreaterThan(0);
  });

  it('keeps native modules outside app.asar, where dlopen can load them', () => {
    const unpacked = ['@github/keytar', 'better-sqlite3'];
    expect(config.asarUnpack).toEqual(unpacked.map((name) => `**/node_modules/${name}/**`));
    // Only production dependencies are packaged at all.
    for (const name of unpacked) expect(manifest.dependencies).toHaveProperty([name]);
  });

  it('installs per user on Windows with a wizard, shortcuts and a choice of folder', () => {
    expect(config).toMatchObject({
      nsis: {
        oneClick: false,
        perMachine: false,
        allowToChangeInstallationDirectory: true,
        createDesktopShortcut: true,
        createStartMenuShortcut: true,
        multiLanguageInstaller: true,
        installerLanguages: ['en_US', 'fa_IR'],
      },
    });
  });

  it('gives the installer English and Persian language files that NSIS actually has', () => {
    // electron-builder's own code turns installerLanguages into MUI_LANGUAGE names; NSIS knows
    // Persian only as "Farsi", which build/installer.nsh maps to.
    const { createAddLangsMacro, LangConfigurator } =
      require('app-builder-lib/out/targets/nsis/nsisLang.js') as {
        createAddLangsMacro(
          generator: { macro(name: string, lines: string[]): void },
          c: unknown,
        ): void;
        LangConfigurator: new (options: unknown) => unknown;
      };
    const lines: string[] = [];
    createAddLangsMacro(
      { macro: (_name, macroLines) => lines.push(...macroLines) },
      new LangConfigurator(config.nsis),
    );
    const include = readFileSync(join(root, config.nsis.include), 'utf8');
    const mapped = lines.map((line) => {
      const name = /MUI_LANGUAGE "([^"]+)"/.exec(line)?.[1];
      const aliased = new RegExp(
        `"\\$\\{NLFID\\}" == "${name}"\\s+!insertmacro MUI_LANGUAGEEX "[^"]+" "(\\w+)"`,
      ).exec(include);
      return aliased?.[1] ?? name;
    });
    expect(mapped).toEqual(['English', 'Farsi']);
  });

  it('sets every Electron fuse explicitly, with the values DESIGN.md asks for', () => {
    const fuses = Object.keys(schema.definitions.FuseOptionsV1.properties);
    expect(Object.keys(config.electronFuses).sort()).toEqual(fuses.sort());
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // An unsigned arm64 build whose fuses were flipped would be refused launch without it.
      resetAdHocDarwinSignature: true,
    });
  });

  it('removes the login item from the registry on uninstall, by the name the app registers it under', () => {
    const include = readFileSync(join(root, 'build/installer.nsh'), 'utf8');
    const macro = /!macro customUnInstall\n([\s\S]*?)!macroend/.exec(include)?.[1] ?? '';
    const deleted = [...macro.matchAll(/DeleteRegValue HKCU "([^"]+)" "([^"]+)"/g)].map(
      ([, key, name]) => ({ key, name }),
    );
    expect(deleted).toEqual([
      { key: 'Software\\Microsoft\\Windows\\CurrentVersion\\Run', name: APP_USER_MODEL_ID },
      {
        key: 'Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\StartupApproved\\Run',
        name: APP_USER_MODEL_ID,
      },
    ]);
    // Kept when the uninstaller runs as part of an update.
    expect(macro).toMatch(/\$\{ifNot\} \$\{isUpdated\}/);
    const app = new FakeApp();
    app.isPackaged = true;
    const set = vi.spyOn(app, 'setLoginItemSettings');
    applyLoginItem(app, 'win32', { startAtLogin: true, startHidden: false });
    expect(set).toHaveBeenCalledWith(expect.objectContaining({ name: APP_USER_MODEL_ID }));
  });

  it('signs and notarises macOS builds with the hardened runtime and only the JIT exception', () => {
    expect(config).toMatchObject({
      mac: {
        category: 'public.app-category.productivity',
        hardenedRuntime: true,
        notarize: true,
        entitlements: 'build/entitlements.mac.plist',
        entitlementsInherit: 'build/entitlements.mac.plist',
        target: [
          { target: 'dmg', arch: ['x64', 'arm64'] },
          { target: 'zip', arch: ['x64', 'arm64'] },
        ],
      },
    });
    expect(config.mac).not.toHaveProperty('extendInfo.LSUIElement');
    const plist = readFileSync(join(root, config.mac.entitlements), 'utf8');
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1]);
    expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('builds an AppImage for Linux with a desktop category', () => {
    expect(config).toMatchObject({ linux: { target: 'AppImage', category: 'Office' } });
  });
});
