import type { settingsMessagesEn } from './settings-en.ts';

/** Persian strings of the Settings and first-run screens, typed against the English keys. */
export const settingsMessagesFa: Readonly<Record<keyof typeof settingsMessagesEn, string>> = {
  'ui.settings.title': 'تنظیمات',
  'ui.settings.token': 'توکن API',
  'ui.token.present': 'یک توکن ذخیره شده است.',
  'ui.token.absent': 'هنوز توکنی ذخیره نشده است.',
  'ui.token.field': 'توکن API جدید',
  'ui.token.save': 'بررسی و ذخیره',
  'ui.token.testing': 'در حال بررسی توکن با سامانه پیامک آموت…',
  'ui.token.saved': 'توکن درست کار می‌کند و ذخیره شد.',
  'ui.settings.appearance': 'زبان و ظاهر',
  'ui.settings.language': 'زبان',
  'ui.language.system': 'زبان سیستم',
  'ui.language.fa': 'فارسی',
  'ui.language.en': 'English (انگلیسی)',
  'ui.settings.theme': 'پوسته',
  'ui.theme.system': 'مانند سیستم',
  'ui.theme.light': 'روشن',
  'ui.theme.dark': 'تیره',
};
