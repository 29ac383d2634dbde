/**
 * A question main asks the user itself, before anything that sends the token somewhere new, changes
 * the credential or destroys data. The window is untrusted (DESIGN.md, "IPC"): a page that asked
 * "are you sure?" on its own could also answer it, so the question is a native dialog main shows and
 * only the person at the computer can answer. The requests carry what the dialog must name (the
 * host, the new limit), never the token.
 */
export type RetentionField = 'changeLogMaxAgeDays' | 'changeLogMaxRows';

export type ConfirmRequest =
  /** A sync or token check would send the token to this host, which is not AmootSMS's own. */
  | { readonly kind: 'send-token-to-host'; readonly host: string }
  /** "Save without checking": a token that was not tested against the server. */
  | { readonly kind: 'save-untested-token' }
  /** A saved token would be replaced by another. */
  | { readonly kind: 'replace-token' }
  /** The saved token would be removed from the keychain. */
  | { readonly kind: 'remove-token' }
  /** Every run in the sync history would be deleted. */
  | { readonly kind: 'clear-history' }
  /** A smaller change-log limit: entries beyond it are deleted after the next sync. */
  | {
      readonly kind: 'shorten-retention';
      readonly field: RetentionField;
      readonly from: number;
      readonly to: number;
    }
  /** The app would start (or stop starting) when the user signs in. */
  | { readonly kind: 'start-at-login'; readonly enable: boolean };

export type ConfirmKind = ConfirmRequest['kind'];

/** What an action answered no to returns: nothing changed, and the window says nothing. */
export const CANCELLED = Object.freeze({ ok: false, cancelled: true } as const);

/** Resolves true only when the user chose the action; closing the dialog is a no. */
export type Confirm = (request: ConfirmRequest) => Promise<boolean>;
