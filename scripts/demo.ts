/**
 * `npm run demo`: the app against a local AmootSMS simulator with a demo token, so someone without an
 * account can try it. The simulator lives as long as the app; closing the app stops both.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { startSimulator } from '../test/simulator/index.ts';

const DEMO_TOKEN = 'demo';
const simulator = await startSimulator({
  contacts: 2_000,
  seed: 1,
  tokens: { [DEMO_TOKEN]: 'valid' },
});
const control = simulator.baseUrl.replace(/\/rest$/, '/_control');
process.stdout.write(
  `Demo simulator: ${simulator.baseUrl} (token "${DEMO_TOKEN}")\n` +
    `Change 25 contacts from another terminal: curl -X POST ${control}/update -d '{"count":25}'\n`,
);

const electronVite = createRequire(import.meta.url).resolve('electron-vite/bin/electron-vite.js');
const app = spawn(process.execPath, [electronVite, 'preview', '--', '--demo'], {
  stdio: 'inherit',
  env: { ...process.env, AMOOT_BASE_URL: simulator.baseUrl, AMOOT_DEMO_TOKEN: DEMO_TOKEN },
});

const stop = async (code: number) => {
  await simulator.close();
  process.exit(code);
};
app.on('exit', (code) => void stop(code ?? 0));
app.on('error', (error) => {
  process.stderr.write(`Could not start the app: ${error.message}\n`);
  void stop(1);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    app.kill(signal);
  });
}
