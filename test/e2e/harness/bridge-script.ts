/**
 * Bundles `bridge-entry.ts` (and with it the preload's real `createAmootApi` and the contract)
 * into one classic script with Vite's build API, in memory, once per test file. Playwright's
 * `addInitScript` runs it before the page's own scripts; CDP injects it regardless of the CSP.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { CONFIG_GLOBAL } from './bridge-entry.ts';

const ENTRY = fileURLToPath(new URL('./bridge-entry.ts', import.meta.url));

export interface BridgeInfo {
  readonly origin: string;
  readonly version: string | null;
  readonly platform: string;
}

/** The bundled bridge, without its configuration. */
export async function bundleBridge(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: {
      write: false,
      minify: false,
      emptyOutDir: false,
      lib: { entry: ENTRY, formats: ['iife'], name: 'amootE2eBridge' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) {
    if (!('output' in output)) continue;
    for (const chunk of output.output) {
      if (chunk.type === 'chunk' && chunk.isEntry) return chunk.code;
    }
  }
  throw new Error('the e2e bridge did not bundle into a script');
}

/** The script for `page.addInitScript`: the configuration, then the bundle. */
export function bridgeScript(bundle: string, info: BridgeInfo): string {
  return `globalThis[${JSON.stringify(CONFIG_GLOBAL)}] = ${JSON.stringify(info)};\n${bundle}`;
}
