import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);

// electron-builder parses electron-builder.yml with js-yaml and validates it with ajv against the
// scheme.json it ships; both come with electron-builder, so this test uses the very same pieces.
// js-yaml ships no type declarations, hence the narrow signature.
const { load } = require('js-yaml') as { load(text: string): unknown };
const schema: unknown = JSON.parse(
  readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'),
);
// strict: false as in electron-builder itself: the schema uses a non-standard `typeof` keyword.
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema as object);

const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));

describe('electron-builder.yml', () => {
  it("matches electron-builder's schema", () => {
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would be rejected with a misspelt or mistyped option', () => {
    expect(validate({ ...(config as object), productname: 'typo' })).toBe(false);
    expect(validate({ ...(config as object), nsis: { oneClick: 'no' } })).toBe(false);
  });

  it('packages the build output that package.json starts from', () => {
    expect(config).toMatchObject({
      appId: 'com.amootsms.contactsync',
      productName: 'Amoot Contact Sync',
      directories: { output: 'dist', buildResources: 'build' },
      files: ['out/**', 'package.json'],
    });
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      main: string;
    };
    expect(manifest.main.startsWith('out/')).toBe(true);
  });

  it('keeps native modules outside app.asar, where dlopen can load them', () => {
    expect(config).toMatchObject({
      asarUnpack: expect.arrayContaining([
        '**/node_modules/@github/keytar/**',
        '**/node_modules/better-sqlite3/**',
      ]),
    });
  });

  it('installs per user on Windows, so no administrator is needed', () => {
    expect(config).toMatchObject({ nsis: { oneClick: false, perMachine: false } });
  });

  it('flips the Electron fuses DESIGN.md asks for', () => {
    expect(config).toMatchObject({
      electronFuses: {
        runAsNode: false,
        enableNodeOptionsEnvironmentVariable: false,
        enableNodeCliInspectArguments: false,
        enableCookieEncryption: true,
        enableEmbeddedAsarIntegrityValidation: true,
        onlyLoadAppFromAsar: true,
      },
    });
  });

  it('signs macOS builds with the hardened runtime and only the JIT exception', () => {
    expect(config).toMatchObject({
      mac: {
        hardenedRuntime: true,
        entitlements: 'build/entitlements.mac.plist',
        entitlementsInherit: 'build/entitlements.mac.plist',
      },
    });
    const plist = join(root, 'build/entitlements.mac.plist');
    expect(existsSync(plist)).toBe(true);
    const keys = [...readFileSync(plist, 'utf8').matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1]);
    expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
  });
});
