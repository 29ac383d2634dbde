import type { updatesMessagesEn } from './updates-en.ts';

/** Persian strings of the Updates screen, typed against the English keys. */
export const updatesMessagesFa: Readonly<Record<keyof typeof updatesMessagesEn, string>> = {
  'ui.updates.title': 'تغییرات مخاطبین',
  'ui.updates.empty':
    'هنوز تغییری در مخاطبین نیست. تغییرات پس از همگام‌سازی اینجا نمایش داده می‌شوند.',
  'ui.updates.total': 'در مجموع {count} تغییر',
  'ui.updates.col.id': 'شناسهٔ مخاطب',
  'ui.updates.col.kind': 'تغییر',
  'ui.updates.col.server-time': 'زمان به‌روزرسانی در سرور',
  'ui.updates.col.detected-time': 'زمان شناسایی',
  'ui.kind.added': 'افزوده',
  'ui.kind.updated': 'به‌روزشده',
  'ui.kind.deleted': 'حذف‌شده',
  'ui.kind.restored': 'بازگردانده',
  'ui.kind.missing': 'ناپیدا',
};
