/**
 * English strings of the developer commands (`npm start`, `npm run dev`, `npm run demo`); the
 * Persian file must have the same keys.
 */
export const launchMessagesEn = {
  'launch.electron-download-failed':
    'The Electron runtime the app runs on is not installed yet and could not be downloaded ({detail}). Nothing was changed. Check the internet connection and run the command again. Behind a proxy, set HTTPS_PROXY and ELECTRON_GET_USE_PROXY=true; where the download site is blocked, set ELECTRON_MIRROR to a mirror of the Electron releases. To fetch it by hand, run: npx install-electron',
  'launch.electron-vite-failed':
    'The build tool could not be started ({detail}). Run npm install again, then the command again.',
} as const;
