/**
 * What the window says when main keeps the clipboard or a manual sync from it: the
 * Paste button reads the clipboard only right after a click, and only a token; Sync now has a
 * short cooldown.
 */
export const clipboardMessagesEn = {
  'ui.token.paste.no-gesture':
    'The clipboard is read only right after you click Paste, and that moment passed. Click Paste again.',
  'ui.token.paste.no-token':
    'The clipboard holds no API token. Copy the token from the AmootSMS panel first, then click Paste.',
  'ui.sync.too-soon.one':
    'A sync started a moment ago. Wait {count} second, then click Sync now again.',
  'ui.sync.too-soon.other':
    'A sync started a moment ago. Wait {count} seconds, then click Sync now again.',
} as const;
