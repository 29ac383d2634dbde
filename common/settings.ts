/**
 * The user's settings: one typed shape, its defaults and its limits, shared by main (which stores
 * and validates them) and the renderer (which edits them). Validation lives in `settings-check.ts`.
 */
export type NotificationLevel = 'off' | 'errors' | 'changes-and-errors';
export type LanguageSetting = 'system' | 'fa' | 'en';
export type ThemeSetting = 'system' | 'light' | 'dark';

export interface Settings {
  /** ContactGroupID as canonical decimal text (64-bit, so not a number). */
  readonly contactGroupId: string;
  readonly syncIntervalMinutes: number;
  readonly baseUrl: string;
  readonly serverTimeZone: string;
  readonly notifications: NotificationLevel;
  readonly startAtLogin: boolean;
  readonly startHidden: boolean;
  readonly language: LanguageSetting;
  readonly theme: ThemeSetting;
  /** Change-log entries older than this are removed after each sync. */
  readonly changeLogMaxAgeDays: number;
  /** At most this many change-log entries are kept (the oldest go first). */
  readonly changeLogMaxRows: number;
}

export const SETTINGS_LIMITS = {
  syncIntervalMinutes: { min: 1, max: 24 * 60 },
  changeLogMaxAgeDays: { min: 1, max: 3650 },
  changeLogMaxRows: { min: 1000, max: 10_000_000 },
} as const;

export const DEFAULT_SETTINGS: Settings = {
  contactGroupId: '0',
  syncIntervalMinutes: 15,
  baseUrl: 'https://portal.amootsms.com/rest',
  serverTimeZone: 'Asia/Tehran',
  notifications: 'changes-and-errors',
  startAtLogin: false,
  startHidden: false,
  language: 'system',
  theme: 'system',
  changeLogMaxAgeDays: 365,
  changeLogMaxRows: 2_000_000,
};
