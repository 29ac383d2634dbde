/**
 * What the user is told when the server's answer is refused for the token's sake: a redirect
 * (the token must reach only the address the user chose). Each says what happened and what to do.
 */
export const securityNetMessagesEn = {
  'error.protocol.redirect':
    'The server at the saved address answered with a redirect to {host}. The app never follows a redirect, so your token is sent only to the address in Settings. Check the server address in Settings (it may have moved, or need https), then sync again.',
  'error.protocol.redirect.no-host':
    'The server at the saved address answered with a redirect. The app never follows a redirect, so your token is sent only to the address in Settings. Check the server address in Settings (it may have moved, or need https), then sync again.',
} as const;
