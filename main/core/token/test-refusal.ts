import type { LocalizedMessage } from '../../../common/i18n/format-message.ts';
import type { AmootError } from '../amoot/amoot-error.ts';

export interface TestRefusal {
  readonly message: LocalizedMessage;
  /**
   * Whether "save without checking" makes sense. Not after an auth failure: AmootSMS has said the
   * token itself is wrong, so keeping it would only make every sync fail the same way.
   */
  readonly canSaveUntested: boolean;
}

/**
 * What to tell the user when the token test call failed. Auth and input failures are definite
 * answers and keep the API's own advice (which token setting or which app setting to fix); an
 * account failure means the token was accepted but the account cannot use the service yet. Every
 * other failure (network, time-out, server, rate limit, garbled answer) says nothing about the
 * token, so the message says the check was inconclusive rather than repeating a sync-time
 * "the app will try again" that is untrue here.
 */
export function refusalFor(error: AmootError): TestRefusal {
  switch (error.kind) {
    case 'auth':
      return { message: error.message, canSaveUntested: false };
    case 'input':
    case 'account':
      return { message: error.message, canSaveUntested: true };
    default:
      return { message: { key: 'token.test.inconclusive' }, canSaveUntested: true };
  }
}
