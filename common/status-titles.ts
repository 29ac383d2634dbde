import type { StatusClass } from './amoot-types.ts';

/**
 * The `Status` titles the API documents for `ContactListUpdates`, with the vendor's numeric code and
 * the class that decides what a sync does next. Kept in one table so the classifier and the message
 * catalogues cannot drift apart: both are typed from it.
 */
export const STATUS_TITLES = {
  Success: { code: 1, class: 'ok' },
  Failed: { code: 0, class: 'server' },
  ServerError: { code: 500, class: 'server' },
  System_Disabled: { code: -300, class: 'server' },
  Token_NotExists: { code: -201, class: 'auth' },
  Token_Invalid: { code: -202, class: 'auth' },
  Token_Disabled: { code: -203, class: 'auth' },
  Token_Expired: { code: -204, class: 'auth' },
  Token_NotAllowIP: { code: -207, class: 'auth' },
  Token_NotAllowMethod: { code: -208, class: 'auth' },
  User_NotExists: { code: -1, class: 'auth' },
  User_MobileNotVerified: { code: -102, class: 'auth' },
  User_Disabled: { code: -103, class: 'auth' },
  User_Expired: { code: -104, class: 'auth' },
  User_WebServiceBanned: { code: -105, class: 'auth' },
  User_NotAllowWebService: { code: -106, class: 'auth' },
  User_NotAllowIP: { code: -107, class: 'auth' },
  User_NotAllowMethod: { code: -108, class: 'auth' },
  User_NotAllowHttp: { code: -109, class: 'auth' },
  UserNameOrPassword_Invalid: { code: 100, class: 'auth' },
  ContactGroupID_Invalid: { code: 114, class: 'input' },
  AccountIsDemo: { code: 2, class: 'account' },
  CreditNotEnough: { code: 4, class: 'account' },
} as const satisfies Record<string, { code: number; class: StatusClass }>;

export type StatusTitle = keyof typeof STATUS_TITLES;

export function isStatusTitle(text: string): text is StatusTitle {
  return Object.hasOwn(STATUS_TITLES, text);
}
