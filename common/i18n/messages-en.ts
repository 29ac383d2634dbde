import { updatesMessagesEn } from './screens/updates-en.ts';
import { historyMessagesEn } from './screens/history-en.ts';
import { settingsMessagesEn } from './screens/settings-en.ts';
import { securityNetMessagesEn } from './security-net-en.ts';
import { storesMessagesEn } from './stores-en.ts';
import { cliMessagesEn } from './screens/cli-en.ts';
import { cliTwinMessagesEn } from './screens/cli-twins-en.ts';
import { launchMessagesEn } from './launch-en.ts';
import { confirmMessagesEn } from './confirm-en.ts';
import { hardenMessagesEn } from './security-harden-en.ts';
import { securityConfirmMessagesEn } from './security-confirm-en.ts';
import { clipboardMessagesEn } from './security-clipboard-en.ts';

/**
 * English messages. Every message says what happened and what to do. Placeholders are `{name}`.
 * This object defines the set of keys: the Persian catalogue must have exactly the same ones.
 */
export const messagesEn = {
  'status.Success': 'The contact updates were received.',
  'status.Failed':
    'AmootSMS could not complete the request. Nothing was changed; the app will try again later.',
  'status.ServerError':
    'AmootSMS reported a server error. Nothing was changed; the app will try again later.',
  'status.System_Disabled':
    'The AmootSMS system is disabled for now. The app will try again later; if it lasts, contact AmootSMS support.',
  'status.Token_NotExists':
    'AmootSMS does not know this token (it may have been deleted). Create a token in the AmootSMS panel and enter it here.',
  'status.Token_Invalid':
    'The token is wrong or incomplete. Copy the whole token again from the AmootSMS panel and enter it here.',
  'status.Token_Disabled':
    'This token is disabled in the AmootSMS panel. Enable it there, or enter another token.',
  'status.Token_Expired':
    'This token has expired. Extend it or create a new one in the AmootSMS panel, then enter it here.',
  'status.Token_NotAllowIP':
    "This computer's public IP address is not in the token's allowed list. Add it to the token's allowed IPs in the AmootSMS panel.",
  'status.Token_NotAllowMethod':
    'This token may not read contact updates. In the AmootSMS panel, allow the ContactListUpdates method for the token.',
  'status.User_NotExists':
    'AmootSMS does not know the account this token belongs to. Check the token, or contact AmootSMS support.',
  'status.User_MobileNotVerified':
    "The account's mobile number is not verified. Verify it in the AmootSMS panel, then sync again.",
  'status.User_Disabled': 'The AmootSMS account is disabled. Contact AmootSMS support.',
  'status.User_Expired': 'The AmootSMS account has expired. Renew it in the AmootSMS panel.',
  'status.User_WebServiceBanned':
    'Web service access is banned for this account. Contact AmootSMS support.',
  'status.User_NotAllowWebService':
    'Web service access is not enabled for this account. Enable it in the AmootSMS panel or ask support.',
  'status.User_NotAllowIP':
    "This computer's public IP address is not allowed for the account. Add it to the account's allowed IPs in the AmootSMS panel.",
  'status.User_NotAllowMethod':
    'The account may not read contact updates. Allow the ContactListUpdates method in the AmootSMS panel.',
  'status.User_NotAllowHttp':
    'The account refuses plain HTTP. Use the https:// address of the AmootSMS API in the advanced settings.',
  'status.UserNameOrPassword_Invalid':
    'AmootSMS rejected the credentials. Enter a valid token from the AmootSMS panel.',
  'status.ContactGroupID_Invalid':
    'AmootSMS rejected the contact group. Enter a group number of 0 or more (0 is the usual value).',
  'status.AccountIsDemo':
    'This is a demo account, which cannot use this service. Upgrade the account in the AmootSMS panel.',
  'status.CreditNotEnough':
    'The account does not have enough credit. Top up the account in the AmootSMS panel.',
  'status.unknown':
    'AmootSMS answered with a status this app does not know: "{title}". Nothing was changed; the app will try again later. If it lasts, contact AmootSMS support.',
  'error.rate-limit':
    'AmootSMS asked the app to slow down. The app will try again in {seconds} seconds.',
  'error.rate-limit.no-delay': 'AmootSMS asked the app to slow down. The app will try again later.',
  'error.server-http':
    'The AmootSMS server answered with an error (HTTP {httpStatus}). Nothing was changed; the app will try again later.',
  'error.http-unexpected':
    'The server answered with HTTP {httpStatus}, which the AmootSMS API never sends. Check the server address in the advanced settings, or your proxy.',
  'error.http-not-found':
    'There is no AmootSMS API at this address (HTTP {httpStatus}). Check the server address in the advanced settings.',
  'error.http-proxy-auth':
    'A proxy between this computer and AmootSMS asks for a sign-in (HTTP 407). Sign in to the proxy or ask your network administrator.',
  'error.network':
    'Could not reach AmootSMS. Check the internet connection; the app will try again.',
  'error.network.offline':
    'This computer is offline. The app will sync when the connection is back.',
  'error.network.dns':
    'The AmootSMS server name could not be found. Check the internet connection, the DNS, or the server address in the advanced settings.',
  'error.network.refused':
    'The server refused the connection. Check the server address in the advanced settings, the firewall or the proxy.',
  'error.network.reset':
    'The connection to AmootSMS was cut. The app will try again; if it keeps happening, check the network or the proxy.',
  'error.network.tls':
    "The secure connection to AmootSMS could not be verified. Check the computer's date and time, and whether a proxy or antivirus intercepts HTTPS.",
  'error.network.proxy':
    'The proxy could not connect to AmootSMS. Check the proxy settings of this computer.',
  'error.timeout':
    'AmootSMS did not answer in time. The app will try again; a slow or busy connection can cause this.',
  'error.timeout.stalled':
    'AmootSMS started to answer, then stopped sending. The app will try again.',
  'error.protocol.html':
    'A web page arrived instead of the AmootSMS answer; a Wi-Fi sign-in page or a proxy may be in the way. Open a browser, sign in if asked, then sync again.',
  'error.protocol.not-json':
    'The answer from the server could not be read. Nothing was changed; the app will try again later.',
  'error.protocol.truncated':
    'The answer from the server was cut short. Nothing was changed; the app will try again.',
  'error.protocol.empty':
    'The server sent an empty answer. Nothing was changed; the app will try again later.',
  'error.protocol.encoding':
    'The answer from the server is not valid UTF-8 text. Nothing was changed; the app will try again later.',
  'error.protocol.too-large':
    'The answer from the server is larger than {megabytes} MB, which is more than the app accepts. Contact AmootSMS support.',
  'error.protocol.shape':
    'The answer from the server has an unexpected form at {path}: {problem}. Nothing was changed; the app will try again later. If it lasts, contact AmootSMS support.',
  'error.cancelled': 'The sync was cancelled. Nothing was changed.',
  'input.token.empty': 'Enter the API token from the AmootSMS panel.',
  'input.token.whitespace':
    'The token contains spaces or line breaks. Copy the token again from the AmootSMS panel, without anything around it.',
  'input.token.characters':
    'The token contains characters a token cannot have. Copy the token again from the AmootSMS panel.',
  'input.group.empty': 'Enter a contact group number (0 is the usual value).',
  'input.group.not-integer':
    'The contact group must be a whole number such as 0 or 12, without signs, decimals or exponents.',
  'input.group.negative': 'The contact group cannot be negative. Enter 0 or a larger whole number.',
  'input.group.too-large':
    'The contact group number is too large. The largest allowed is 9223372036854775807.',
  'input.base-url.invalid': 'The server address is not a valid web address. Example: {example}',
  'input.base-url.credentials':
    'The server address must not contain a user name or password (as in user:password@): it would be sent with every request and stored in clear. Remove it. Example: {example}',
  'input.base-url.query':
    'The server address must end at its path, without ? or # and what follows them. Example: {example}',
  'input.base-url.insecure':
    'The server address must start with https:// so that the token travels encrypted.',
  'input.timeout.invalid':
    'The time-out must be a whole number of milliseconds from {min} to {max}.',
  'input.time-zone.invalid':
    'The server time zone "{zone}" is not a known time zone name. Use a name such as Asia/Tehran.',
  'warning.duplicate-ids':
    'The server listed {count} contacts more than once; the latest time of each was kept.',
  'settings.patch.not-object':
    'The settings change could not be read, so nothing was saved. Close the settings window, open it again and repeat the change.',
  'settings.patch.unknown-key':
    '"{key}" is not one of this app\'s settings, so nothing was saved. Close the settings window, open it again and repeat the change.',
  'settings.contact-group-id.type':
    'The contact group must be a whole number of 0 or more, written as text such as "0" or "12".',
  'settings.sync-interval.invalid':
    'The sync interval must be a whole number of minutes from {min} to {max}.',
  'settings.notifications.invalid':
    'Choose when to be notified: never, on errors only, or on changes and errors.',
  'settings.start-at-login.invalid': '"Start at login" can only be on or off.',
  'settings.start-hidden.invalid': '"Start hidden in the tray" can only be on or off.',
  'settings.language.invalid': 'The language must be Persian, English or the system language.',
  'settings.theme.invalid': 'The theme must be light, dark or the system theme.',
  'settings.change-log-age.invalid':
    'Changes can be kept for a whole number of days from {min} to {max}.',
  'settings.change-log-rows.invalid':
    'The change log can keep a whole number of entries from {min} to {max}.',
  'settings.recovered':
    'The settings file could not be read: it was kept as {path}, and the settings start again from their defaults. Check your settings.',
  'mirror.recovered':
    'The local copy of your contacts could not be read, so it was set aside as {path} and will be filled again by the next sync. The change log starts empty.',
  'history.recovered':
    'The sync history file could not be read, so the history starts empty. The old file was kept as {path}.',
  'history.dropped-entries':
    '{count} entries of the sync history could not be read and were left out.',
  'sync.internal-error':
    'An unexpected problem stopped the sync. Nothing was changed. The details are in the log; if it happens again, send the log to support.',
  'sync.interrupted':
    'The app stopped while this sync was running (closed, crashed or the computer turned off).',
  'app.name': 'Amoot Contact Sync',
  'app.version': 'Version {version}',
  'app.tagline':
    "Keeps track of your AmootSMS contacts: it syncs the account's contact updates and shows what changed.",
  'token.backend.keychain': 'The token is kept in the system keychain.',
  'token.backend.safe-storage':
    "The system keychain could not be reached, so the token is kept encrypted by the operating system in the app's data folder.",
  'token.backend.memory':
    'This computer has no usable keychain, so the token is kept only until the app quits and must be entered again after a restart. On Linux, install and unlock GNOME Keyring or KWallet to keep it.',
  'token.keychain.locked':
    'The system keychain is locked, so the token could not be read or saved. Unlock the keychain (for example by signing in again), then try again.',
  'token.keychain.denied':
    'Access to the system keychain was refused. Try again, and allow Amoot Contact Sync to use the keychain when asked.',
  'token.keychain.unavailable':
    'The system keychain is not available. Make sure it is running (on Linux, GNOME Keyring or KWallet), then restart the app.',
  'token.keychain.timeout':
    'The system keychain did not answer in time. If it is asking for a password, answer it, then try again.',
  'token.keychain.failed':
    'The system keychain reported an error, so the token could not be read or saved. Try again; if it keeps happening, restart the computer.',
  'token.safe-storage.unavailable':
    "The operating system's encryption is not available right now, so the saved token cannot be used. Restart the app; on Linux, make sure GNOME Keyring or KWallet is running.",
  'token.safe-storage.unreadable':
    "The saved token could not be decrypted, perhaps because the system's encryption key changed. Enter the token again.",
  'token.safe-storage.failed':
    "The token could not be read or saved in the app's data folder. Check that the disk has free space and that the folder can be read and written, then try again.",
  'token.missing':
    'No API token is saved. Enter the token from the AmootSMS panel in the settings.',
  'token.test.inconclusive':
    'The token could not be checked, so it was not saved. Check the internet connection and try again, or save it without checking.',
  'tray.status.syncing': 'Syncing…',
  'tray.status.synced': 'Synced {when} · {changes}',
  'tray.status.baseline': 'First sync {when} · {contacts}',
  'tray.status.failed': 'Sync failed {when}: {reason}',
  'tray.status.cancelled': 'The last sync was cancelled {when}',
  'tray.status.interrupted': 'The last sync was interrupted {when}',
  'tray.status.never': 'Not synced yet',
  'tray.status.paused-until': 'Paused until {time}',
  'tray.status.paused': 'Paused until you resume',
  'tray.status.offline': 'Offline; syncs when the connection is back',
  'tray.status.no-token': 'No API token: open the app to enter one',
  'tray.status.token-problem': 'The token could not be read: open the app for details',
  'tray.status.blocked.auth': 'Token rejected: open the app to enter a valid one',
  'tray.status.blocked.input': 'Syncing stopped: check the settings in the app',
  'tray.changes.none': 'no changes',
  'tray.changes.one': '{count} change',
  'tray.changes.other': '{count} changes',
  'tray.contacts.one': '{count} contact',
  'tray.contacts.other': '{count} contacts',
  'tray.reason.auth': 'token rejected',
  'tray.reason.input': 'the settings need a fix',
  'tray.reason.account': 'account problem',
  'tray.reason.server': 'server error',
  'tray.reason.unknown': 'unexpected answer',
  'tray.reason.rate-limit': 'asked to slow down',
  'tray.reason.network': 'no connection',
  'tray.reason.timeout': 'no answer in time',
  'tray.reason.protocol': 'unreadable answer',
  'tray.reason.cancelled': 'cancelled',
  'tray.menu.open': 'Open',
  'tray.menu.sync-now': 'Sync now',
  'tray.menu.pause': 'Pause',
  'tray.menu.pause.hours.one': 'For {count} hour',
  'tray.menu.pause.hours.other': 'For {count} hours',
  'tray.menu.pause.tomorrow': 'Until tomorrow {time}',
  'tray.menu.pause.until-resumed': 'Until I resume',
  'tray.menu.resume': 'Resume',
  'tray.menu.start-at-login': 'Start at login',
  'tray.menu.open-logs': 'Open logs folder',
  'tray.menu.quit': 'Quit',
  'notify.changes.title': 'Contacts changed',
  'notify.changes.body.one':
    '{count} contact changed in the last sync. Click to see which one in Updates.',
  'notify.changes.body.other':
    '{count} contacts changed in the last sync. Click to see which ones in Updates.',
  'notify.changes.body.folded':
    '{count} contacts changed in the last {runs} syncs. Click to see which ones in Updates.',
  'notify.failed.title': 'Sync failed',
  'notify.failed.body':
    'The sync did not complete and nothing was changed. Click to see the details in History.',
  'notify.token-rejected.title': 'Syncing stopped: the token was rejected',
  'notify.token-rejected.body':
    'AmootSMS did not accept the API token, so automatic syncs have stopped. Click to enter a valid token from the AmootSMS panel.',
  'app.window.load-failed':
    'Amoot Contact Sync could not open its window; the installation may be damaged. Install the app again: your contacts and settings are kept. The details are in the log.',
  'app.external-link.refused':
    'This link was not opened because it does not lead to the AmootSMS website.',
  'app.menu.about': 'About {name}',
  'app.menu.services': 'Services',
  'app.menu.hide': 'Hide {name}',
  'app.menu.hide-others': 'Hide Others',
  'app.menu.show-all': 'Show All',
  'app.menu.quit': 'Quit {name}',
  'app.menu.edit': 'Edit',
  'app.menu.undo': 'Undo',
  'app.menu.redo': 'Redo',
  'app.menu.cut': 'Cut',
  'app.menu.copy': 'Copy',
  'app.menu.paste': 'Paste',
  'app.menu.select-all': 'Select All',
  'app.menu.window': 'Window',
  'app.menu.minimize': 'Minimize',
  'app.menu.zoom': 'Zoom',
  'app.menu.close': 'Close Window',
  'app.menu.front': 'Bring All to Front',
  'lifecycle.closed-to-tray.title': 'Amoot Contact Sync is still running',
  'lifecycle.closed-to-tray.body':
    'It keeps syncing in the background. Open it again from its icon in the notification area of the taskbar; choose Quit there to stop it.',
  'lifecycle.closed-to-tray.body-mac':
    'It keeps syncing in the background. Open it again from its icon in the menu bar; choose Quit there to stop it.',
  'lifecycle.login-item.requires-approval':
    'macOS has not yet allowed the app to start at login. Open System Settings, General, Login Items, and switch Amoot Contact Sync on.',
  'app.start-failed.title': 'Amoot Contact Sync could not start',
  'app.start-failed.body':
    'The app could not open its data (settings, sync history or the local copy of the contacts). Nothing was deleted. Close any other copy of the app, make sure the disk is not full, and start it again. The details are in the log, in {logs}.',
  'app.start-failed.mirror-too-new':
    'The local copy of the contacts was written by a newer version of Amoot Contact Sync, so this version left it untouched. Install the newest version of the app to go on. The details are in the log, in {logs}.',
  'app.export.dialog-title': 'Export contact changes',
  'app.export.dialog-button': 'Export',
  'app.export.file-type': 'CSV file (Excel)',
  'app.export.failed':
    'The changes could not be saved to {path}. Make sure the folder exists, that you may write to it and that the file is not open in another program (such as Excel), then try again.',
  'export.target.no-folder':
    'The folder for {path} does not exist, so nothing was written. Create the folder first, or choose a file in a folder that exists.',
  'export.target.not-file':
    '{path} exists and is not a regular file (it is a folder, a device, a pipe, a socket or a link), so nothing was written to it. Choose a new file name, or an existing CSV file to replace.',
  'export.target.data-file':
    "{path} is one of the data folder's own files (the contacts, the change log, the settings or the history); writing the export there would destroy them, so nothing was written. Choose another file name, such as updates.csv.",
  'app.logs.open-failed':
    'The logs folder could not be opened. You can find it yourself at {path}.',
  'app.token.test-inconclusive':
    'The saved token could not be checked: AmootSMS could not be reached or gave no usable answer. The token is still saved. Check the internet connection and try again.',
  'ui.nav.label': 'Sections',
  'ui.nav.updates': 'Updates',
  'ui.nav.history': 'History',
  'ui.nav.settings': 'Settings',
  'ui.status.last-sync': 'Last sync {when} ({at})',
  'ui.status.never': 'Not synced yet',
  'ui.status.next-sync': 'Next sync at {time}',
  'ui.status.no-next': 'No automatic sync is scheduled',
  'ui.sync.now': 'Sync now',
  'ui.sync.running': 'Syncing…',
  'ui.progress.connecting': 'Connecting to AmootSMS…',
  'ui.progress.downloading': 'Downloading ({kilobytes} KB)…',
  'ui.progress.comparing': 'Comparing with the local copy…',
  'ui.progress.saving': 'Saving…',
  'ui.progress.waiting-to-retry': 'Waiting to try again (attempt {attempt})…',
  'ui.banner.failed': 'The last sync failed: {reason}',
  'ui.banner.failed.generic':
    'The last sync failed and nothing was changed. See History for the details.',
  'ui.banner.token-problem': 'The token could not be read: {reason}',
  'ui.load-failed':
    'This page could not be loaded. Switch to another section and back to try again.',
  'ui.banner.action.resume': 'Resume syncing',
  'ui.banner.action.fix-token': 'Fix the token',
  'ui.banner.action.open-settings': 'Open settings',
  'ui.banner.action.retry': 'Try again now',
  'ui.announce.synced.one': 'Sync finished: {count} contact changed.',
  'ui.announce.synced.other': 'Sync finished: {count} contacts changed.',
  'ui.announce.baseline.one': 'First sync finished: {count} contact saved.',
  'ui.announce.baseline.other': 'First sync finished: {count} contacts saved.',
  'ui.announce.failed': 'Sync failed. {reason}',
  'ui.announce.cancelled': 'Sync cancelled. Nothing was changed.',
  ...updatesMessagesEn,
  ...historyMessagesEn,
  ...settingsMessagesEn,
  ...storesMessagesEn,
  ...securityNetMessagesEn,
  ...cliMessagesEn,
  ...cliTwinMessagesEn,
  ...launchMessagesEn,
  ...confirmMessagesEn,
  ...hardenMessagesEn,
  ...securityConfirmMessagesEn,
  ...clipboardMessagesEn,
} as const;

export type MessageKey = keyof typeof messagesEn;
