/**
 * Messages of the hardening against a hostile window or file system (file permissions, the bundle, the export target, the window):
 * each says what happened and what to do.
 */
export const hardenMessagesEn = {
  'export.target.exists':
    '{path} already exists. The name you chose had no .csv at the end, so the app added it, and that file was never offered to you for replacing; nothing was written. To replace it, choose that file by its full name (with .csv), or choose another name.',
} as const;
