/**
 * The questions main asks in a native dialog before a credential or destructive change
 * (`main/core/ports/confirm.ts`). Each names what will happen and what stays; the safe answer is
 * the default button.
 */
export const confirmMessagesEn = {
  'confirm.cancel': 'Cancel',
  'confirm.send-token-to-host.title': 'Use another server?',
  'confirm.send-token-to-host.message': 'Send your API token to {host}?',
  'confirm.send-token-to-host.detail':
    '{host} is not the AmootSMS server. Every sync and token check will send your API token there, and whoever runs that server can use your account. Choose "Use this server" only if you trust it.',
  'confirm.send-token-to-host.ok': 'Use this server',
  'confirm.save-untested-token.title': 'Save without checking?',
  'confirm.save-untested-token.message': 'Save this token without checking it with the server?',
  'confirm.save-untested-token.detail':
    'If the token is wrong, syncs will fail until you enter the right one. Any saved token is replaced.',
  'confirm.save-untested-token.ok': 'Save without checking',
  'confirm.replace-token.title': 'Replace the saved token?',
  'confirm.replace-token.message': 'Replace the saved API token with the new one?',
  'confirm.replace-token.detail':
    'The new token passed the check. From now on the app syncs the account it belongs to; the old token is removed from the keychain.',
  'confirm.replace-token.ok': 'Replace token',
  'confirm.remove-token.title': 'Remove the token?',
  'confirm.remove-token.message': 'Remove the API token from this computer?',
  'confirm.remove-token.detail':
    'Syncing stops until you enter a token again. The contacts and history already stored are kept.',
  'confirm.remove-token.ok': 'Remove token',
  'confirm.clear-history.title': 'Clear the sync history?',
  'confirm.clear-history.message': 'Delete every run in the sync history?',
  'confirm.clear-history.detail':
    'This cannot be undone. The contacts and their change log are kept.',
  'confirm.clear-history.ok': 'Clear history',
  'confirm.shorten-retention.title': 'Keep less of the change log?',
  'confirm.shorten-retention.message.changeLogMaxAgeDays':
    'Keep changes for {to} days instead of {from}?',
  'confirm.shorten-retention.message.changeLogMaxRows':
    'Keep at most {to} changes instead of {from}?',
  'confirm.shorten-retention.detail':
    'Older changes beyond the new limit are deleted after the next sync and cannot be brought back.',
  'confirm.shorten-retention.ok': 'Keep less',
  'confirm.start-at-login.title': 'Start at sign-in?',
  'confirm.start-at-login.message.on': 'Start Amoot Contact Sync every time you sign in?',
  'confirm.start-at-login.message.off': 'Stop starting Amoot Contact Sync when you sign in?',
  'confirm.start-at-login.detail':
    'This changes your system’s list of programs that start at sign-in. You can change it again in Settings.',
  'confirm.start-at-login.ok': 'Change',
} as const;
