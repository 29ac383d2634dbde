/**
 * English messages about where the token may go and about changes main asked the user to confirm
 * (a question only the person at the computer can answer); the Persian file must have the same
 * keys.
 */
export const securityConfirmMessagesEn = {
  'input.base-url.loopback-http-installed':
    'The installed app only talks to servers over https://, so that the token travels encrypted; plain http:// to this computer is for the test server of a development copy. Enter an https:// address. Example: {example}',
  'history.clear.failed':
    'The sync history could not be cleared. Nothing was removed. Try again; if it keeps failing, look at the log.',
} as const;
