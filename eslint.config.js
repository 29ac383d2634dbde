// ESLint flat config. Besides the recommended rule sets it enforces the import boundaries of
// DESIGN.md ("Shape" and "Data"), so a wrong-way dependency fails `npm run lint` instead of
// surfacing later as a core module that no longer runs under plain Node.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Storage and keychain libraries that only `main/adapters/**` may import. */
const adapterOnlyPaths = [
  {
    name: '@github/keytar',
    message:
      'Only main/adapters/ talks to the OS keychain (DESIGN.md "Data"), so the token has one way in and out. Depend on the SecretStore interface instead.',
  },
  {
    name: 'better-sqlite3',
    message:
      'Only main/adapters/ opens SQLite (DESIGN.md "Data"), so main/core/ stays testable with plain objects. Depend on the ContactMirror interface instead.',
  },
  {
    name: 'conf',
    message:
      'Only main/adapters/ reads and writes store files (DESIGN.md "Data"), so main/core/ works on plain documents. Depend on the SettingsStore or HistoryStore interface instead.',
  },
  {
    name: 'electron-store',
    message:
      'Only main/adapters/ uses electron-store (DESIGN.md "Data"), so main/core/ runs without Electron. Depend on the SettingsStore or HistoryStore interface instead.',
  },
];

/** DESIGN.md "IPC": only two small wrappers touch raw IPC, so every channel goes through the contract. */
const rawIpcImport = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message:
    'Only main/index.ts (ipcMain) and main/preload/index.ts (ipcRenderer) touch raw IPC; use main/desktop/ipc/ and the contract in common/ipc/.',
};
const rawIpcFiles = {
  files: ['main/**'],
  ignores: ['main/core/**', 'main/index.ts', 'main/preload/index.ts'],
};

const electronMessage =
  'main/core/ and common/ must run under plain Node and in the renderer (DESIGN.md "Shape"): take what you need from Electron as a parameter, implemented in main/adapters/ or main/desktop/.';

/** Sub-path imports (`better-sqlite3/lib/…`) are as much a dependency as the package itself. */
const adapterOnlyPatterns = adapterOnlyPaths.map(({ name, message }) => ({
  group: [`${name}/*`],
  message,
}));

export default defineConfig(
  globalIgnores(['out/', 'dist/', 'node_modules/', 'coverage/', 'test/e2e/screenshots/', '.vite/']),

  js.configs.recommended,
  tseslint.configs.recommended,
  svelte.configs.recommended,
  svelte.configs.prettier,

  {
    name: 'amoot/svelte-typescript',
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        parser: tseslint.parser,
        extraFileExtensions: ['.svelte'],
      },
    },
    // As for .ts files (typescript-eslint turns it off there): svelte-check resolves names,
    // including ambient types such as AmootBridge that no-undef cannot see.
    rules: { 'no-undef': 'off' },
  },

  {
    name: 'amoot/node-globals',
    files: ['main/**', 'test/**', 'scripts/**', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    name: 'amoot/browser-globals',
    files: ['renderer/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    name: 'amoot/shared-globals',
    files: ['common/**'],
    languageOptions: { globals: globals['shared-node-browser'] },
  },

  {
    name: 'amoot/unused-vars',
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  // Later blocks replace `no-restricted-imports` wholesale for the files they match, so each block
  // repeats every restriction that applies to its files.
  {
    name: 'amoot/adapter-only-imports',
    files: ['**/*.{js,ts,svelte}'],
    ignores: ['main/adapters/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: adapterOnlyPaths, patterns: adapterOnlyPatterns },
      ],
    },
  },
  {
    name: 'amoot/no-electron-outside-main',
    files: ['main/core/**', 'common/**', 'renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: electronMessage }, ...adapterOnlyPaths],
          patterns: [{ group: ['electron/*'], message: electronMessage }, ...adapterOnlyPatterns],
        },
      ],
    },
  },
  {
    name: 'amoot/raw-ipc-in-two-places',
    ...rawIpcFiles,
    ignores: [...rawIpcFiles.ignores, 'main/adapters/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [...adapterOnlyPaths, rawIpcImport], patterns: adapterOnlyPatterns },
      ],
    },
  },
  {
    name: 'amoot/raw-ipc-not-in-adapters',
    files: ['main/adapters/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [rawIpcImport] }] },
  },
);
