/**
 * `npm run demo`: the app against a local AmootSMS simulator with a demo token, so someone without an
 * account can try it. The simulator lives as long as the app; closing the app stops both. The app
 * is started the way `npm start` starts it (`ensure-electron.ts`: Electron's binary first, then
 * `electron-vite preview`, which builds), with `--demo` on its command line.
 */
import { startSimulator } from '../test/simulator/index.ts';
import { ensureElectron, runElectronVite } from './ensure-electron.ts';

// Electron first: a simulator's address is no use to someone whose app cannot start.
const electron = ensureElectron(process.env);
if (!electron.ok) {
  process.stderr.write(electron.message);
  process.exit(1);
}

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

const code = await runElectronVite(['preview', '--', '--demo'], {
  ...process.env,
  ELECTRON_EXEC_PATH: electron.binary,
  AMOOT_BASE_URL: simulator.baseUrl,
  AMOOT_DEMO_TOKEN: DEMO_TOKEN,
});
await simulator.close();
process.exit(code);
