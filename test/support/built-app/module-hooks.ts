/**
 * Node module hooks for running the built bundle (`out/main/*.js`) under plain Node: the bundle's
 * bare imports of what only Electron gives (`electron`, and the packages that reach for it or for
 * the OS keychain) resolve to the test's stand-ins, and only for files inside `out/` — the test's
 * own modules resolve as always. `registerHooks` runs in this thread, so the stand-in a test holds
 * is the very module instance the bundle gets.
 */
import { registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

export function redirectBundleImports(outDir: string, standIns: Record<string, string>): void {
  const bundle = pathToFileURL(outDir).href + '/';
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const standIn = standIns[specifier];
      if (standIn !== undefined && context.parentURL?.startsWith(bundle) === true) {
        return { url: pathToFileURL(standIn).href, shortCircuit: true };
      }
      return nextResolve(specifier, context);
    },
  });
}
