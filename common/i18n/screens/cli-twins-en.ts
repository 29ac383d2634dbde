/**
 * The command line's words for app messages it shows too: the app's say "enter it here", "the app
 * will try again" or "in the advanced settings", which mean nothing in a terminal. Each key is
 * `cli.` plus the app message's key, with the same placeholders (main/cli/cli-wording.ts).
 */
export const cliTwinMessagesEn = {
  'cli.sync.settings-unusable':
    'Nothing was synced: these saved settings could not be used: {fields}. Give them again with --base-url, --group and --time-zone, then sync.',
  'cli.status.Failed':
    'AmootSMS could not complete the request. Nothing was changed; run the command again later.',
  'cli.status.ServerError':
    'AmootSMS reported a server error. Nothing was changed; run the command again later.',
  'cli.status.System_Disabled':
    'The AmootSMS system is disabled for now. Run the command again later; if it lasts, contact AmootSMS support.',
  'cli.status.Token_NotExists':
    'AmootSMS does not know this token (it may have been deleted). Create a token in the AmootSMS panel and set AMOOT_TOKEN to it.',
  'cli.status.Token_Invalid':
    'The token is wrong or incomplete. Copy the whole token again from the AmootSMS panel and set AMOOT_TOKEN to it.',
  'cli.status.Token_Disabled':
    'This token is disabled in the AmootSMS panel. Enable it there, or set AMOOT_TOKEN to another token.',
  'cli.status.Token_Expired':
    'This token has expired. Extend it or create a new one in the AmootSMS panel, then set AMOOT_TOKEN to it.',
  'cli.status.User_NotAllowHttp':
    'The account refuses plain HTTP. Give the https:// address of the AmootSMS API with --base-url.',
  'cli.status.UserNameOrPassword_Invalid':
    'AmootSMS rejected the credentials. Set AMOOT_TOKEN to a valid token from the AmootSMS panel.',
  'cli.status.ContactGroupID_Invalid':
    'AmootSMS rejected the contact group. Give --group a number of 0 or more (0 is the usual value).',
  'cli.status.unknown':
    'AmootSMS answered with a status this program does not know: "{title}". Nothing was changed; run the command again later. If it lasts, contact AmootSMS support.',
  'cli.error.rate-limit':
    'AmootSMS asked for fewer requests. Run the command again in {seconds} seconds or later.',
  'cli.error.rate-limit.no-delay':
    'AmootSMS asked for fewer requests. Run the command again a little later.',
  'cli.error.server-http':
    'The AmootSMS server answered with an error (HTTP {httpStatus}). Nothing was changed; run the command again later.',
  'cli.error.http-unexpected':
    'The server answered with HTTP {httpStatus}, which the AmootSMS API never sends. Check the address given with --base-url (or saved in the data folder), or your proxy.',
  'cli.error.http-not-found':
    'There is no AmootSMS API at this address (HTTP {httpStatus}). Check the address given with --base-url or saved in the data folder.',
  'cli.error.network':
    'Could not reach AmootSMS. Check the internet connection, then run the command again.',
  'cli.error.network.offline':
    'This computer is offline. Run the command again when the connection is back.',
  'cli.error.network.dns':
    'The server name could not be found. Check the internet connection, the DNS, or the address given with --base-url.',
  'cli.error.network.refused':
    'The server refused the connection. Check the address given with --base-url (is the server running?), the firewall or the proxy.',
  'cli.error.network.reset':
    'The connection to AmootSMS was cut. Run the command again; if it keeps happening, check the network or the proxy.',
  'cli.error.timeout':
    'AmootSMS did not answer in time. Run the command again; on a slow connection give a longer --timeout-ms.',
  'cli.error.timeout.stalled':
    'AmootSMS started to answer, then stopped sending. Run the command again; on a slow connection give a longer --timeout-ms.',
  'cli.error.protocol.not-json':
    'The answer from the server could not be read. Nothing was changed; run the command again later.',
  'cli.error.protocol.truncated':
    'The answer from the server was cut short. Nothing was changed; run the command again.',
  'cli.error.protocol.empty':
    'The server sent an empty answer. Nothing was changed; run the command again later.',
  'cli.error.protocol.encoding':
    'The answer from the server is not valid UTF-8 text. Nothing was changed; run the command again later.',
  'cli.error.protocol.too-large':
    'The answer from the server is larger than {megabytes} MB, more than this program accepts. Contact AmootSMS support.',
  'cli.error.protocol.shape':
    'The answer from the server has an unexpected form at {path}: {problem}. Nothing was changed; run the command again later. If it lasts, contact AmootSMS support.',
  'cli.input.group.empty': 'Give --group a contact group number (0 is the usual value).',
  'cli.input.group.negative':
    'The contact group cannot be negative. Give --group 0 or a larger number.',
  'cli.sync.internal-error':
    'An unexpected problem stopped the sync. Nothing was changed. Run it again with --verbose to see the details on stderr; if it happens again, send them to support.',
  'cli.sync.interrupted':
    'The program stopped while this sync was running (closed, crashed or the computer turned off).',
  'cli.token.keychain.unavailable':
    'The system keychain is not available. Set AMOOT_TOKEN instead, or make sure the keychain is running (on Linux, GNOME Keyring or KWallet).',
  'cli.token.keychain.denied':
    'Access to the system keychain was refused. Set AMOOT_TOKEN instead, or run the command again and allow the keychain access when asked.',
} as const;
