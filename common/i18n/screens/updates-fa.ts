import type { updatesMessagesEn } from './updates-en.ts';

/** Persian strings of the Updates screen, typed against the English keys. */
export const updatesMessagesFa: Readonly<Record<keyof typeof updatesMessagesEn, string>> = {
  'ui.updates.title': 'تغییرات مخاطبین',
  'ui.updates.empty':
    'هنوز تغییری در مخاطبین نیست. تغییرات پس از همگام‌سازی اینجا نمایش داده می‌شوند.',
  'ui.updates.total.other': 'در مجموع {count} تغییر',
  'ui.updates.total.one': 'در مجموع {count} تغییر',
  'ui.updates.matching.one': '{count} تغییر مطابق فیلترها',
  'ui.updates.matching.other': '{count} تغییر مطابق فیلترها',
  'ui.updates.loading': 'در حال بارگذاری تغییرات…',
  'ui.updates.load-failed':
    'تغییرات بارگذاری نشد. دوباره تلاش کنید؛ اگر باز هم نشد، برنامه را دوباره باز کنید.',
  'ui.updates.rows-failed': 'بعضی از ردیف‌ها بارگذاری نشد.',
  'ui.updates.retry': 'تلاش دوباره',
  'ui.updates.no-match': 'هیچ تغییری با این فیلترها پیدا نشد.',
  'ui.updates.clear-filters': 'پاک کردن فیلترها',
  'ui.updates.filters.label': 'فیلترها',
  'ui.updates.kinds.label': 'نوع تغییر',
  'ui.updates.window.label': 'زمان شناسایی',
  'ui.updates.window.all': 'همهٔ زمان‌ها',
  'ui.updates.window.since-last-sync': 'از آخرین همگام‌سازی',
  'ui.updates.window.day': '۲۴ ساعت گذشته',
  'ui.updates.window.week': '۷ روز گذشته',
  'ui.updates.order.label': 'ترتیب نمایش',
  'ui.updates.order.detected-time': 'تازه‌ترین شناسایی‌ها اول',
  'ui.updates.order.server-time': 'تازه‌ترین به‌روزرسانی‌های سرور اول',
  'ui.updates.search.label': 'جست‌وجو با شناسهٔ مخاطب',
  'ui.updates.search.placeholder': 'ابتدای شناسه، مثلاً ۹۱۲۳',
  'ui.updates.search.not-digits':
    'شناسهٔ مخاطب فقط رقم دارد. برای جست‌وجو، نویسه‌های دیگر را پاک کنید.',
  'ui.updates.search.too-long':
    'شناسهٔ مخاطب حداکثر {max} رقم دارد. برای جست‌وجو، رقم‌های اضافه را پاک کنید.',
  'ui.updates.col.id': 'شناسهٔ مخاطب',
  'ui.updates.col.kind': 'تغییر',
  'ui.updates.col.server-time': 'زمان به‌روزرسانی در سرور',
  'ui.updates.col.detected-time': 'زمان شناسایی',
  'ui.updates.list.keys':
    'با کلیدهای جهت‌نما، Page Up، Page Down، Home و End میان ردیف‌ها جابه‌جا شوید. برای کپی شناسهٔ ردیف انتخاب‌شده، Enter را بزنید.',
  'ui.updates.row.loading': 'در حال بارگذاری…',
  'ui.updates.copy.button': 'کپی',
  'ui.updates.copy.label': 'کپی شناسهٔ مخاطب {id}',
  'ui.updates.copy.done': 'شناسهٔ مخاطب {id} کپی شد.',
  'ui.updates.copy.failed': 'شناسهٔ مخاطب کپی نشد. آن را با ماوس انتخاب و خودتان کپی کنید.',
  'ui.updates.export.button': 'خروجی CSV',
  'ui.updates.export.running': 'در حال ساخت خروجی…',
  'ui.updates.export.saved': 'تغییرات در {path} ذخیره شد.',
  'ui.updates.export.failed': 'ساخت خروجی ناموفق بود: {reason}',
  'ui.updates.export.error':
    'ساخت خروجی آغاز نشد. دوباره تلاش کنید؛ اگر باز هم نشد، برنامه را دوباره باز کنید.',
  'ui.kind.added': 'افزوده',
  'ui.kind.updated': 'به‌روزشده',
  'ui.kind.deleted': 'حذف‌شده',
  'ui.kind.restored': 'بازگردانده',
  'ui.kind.missing': 'ناپیدا',
};
