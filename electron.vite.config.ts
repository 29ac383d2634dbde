import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type RendererViteConfig } from 'electron-vite';

const root = import.meta.dirname;

type RendererPlugin = NonNullable<RendererViteConfig['plugins']>[number];

/**
 * Vite's dev server injects component CSS as `<style>` elements from JavaScript, which the
 * production CSP (`style-src 'self'`) rightly blocks. Only while serving, allow inline styles so
 * `electron-vite dev` renders; the built `index.html` keeps the strict policy untouched.
 */
function relaxStyleCspWhileServing(): RendererPlugin {
  return {
    name: 'amoot:relax-style-csp-while-serving',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // Everything in package.json "dependencies" stays a runtime `import`: native modules
      // (@github/keytar, better-sqlite3) cannot be bundled, and electron-store / electron-log
      // resolve their own files at runtime, so they ship in node_modules (asar) as published.
      externalizeDeps: true,
      rolldownOptions: {
        // The sync process's entry is started by `utilityProcess.fork` from beside index.js.
        input: {
          index: resolve(root, 'main/index.ts'),
          'sync-worker': resolve(root, 'main/sync-worker/electron-entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload may only `require` electron and a few Node shims, never a package
      // from node_modules, so everything it uses is bundled into the one file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'main/preload/index.ts') },
        // Sandboxed preloads are evaluated as CommonJS; an ESM preload only works unsandboxed.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [svelte(), relaxStyleCspWhileServing()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // The window loads its script from disk on every open (the renderer is freed when it
      // closes): a minified bundle is about half the size to read and parse.
      minify: true,
      rolldownOptions: {
        input: { index: resolve(root, 'renderer/index.html') },
      },
    },
  },
});
