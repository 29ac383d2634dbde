import type { historyMessagesEn } from './history-en.ts';

/** Persian strings of the History screen, typed against the English keys. */
export const historyMessagesFa: Readonly<Record<keyof typeof historyMessagesEn, string>> = {
  'ui.history.title': 'تاریخچهٔ همگام‌سازی',
  'ui.history.empty':
    'هنوز همگام‌سازی انجام نشده است. هر همگام‌سازی، خودکار یا دستی، اینجا فهرست می‌شود.',
  'ui.history.col.started': 'زمان شروع',
  'ui.history.col.trigger': 'آغازکننده',
  'ui.history.col.outcome': 'نتیجه',
  'ui.history.col.changes': 'تغییرات',
  'ui.history.duration': '{seconds} ثانیه',
  'ui.outcome.running': 'در حال اجرا',
  'ui.outcome.success': 'انجام شد',
  'ui.outcome.baseline': 'نخستین همگام‌سازی',
  'ui.outcome.failed': 'ناموفق',
  'ui.outcome.cancelled': 'لغو شد',
  'ui.outcome.interrupted': 'نیمه‌کاره ماند',
  'ui.trigger.startup': 'اجرای برنامه',
  'ui.trigger.schedule': 'زمان‌بندی',
  'ui.trigger.manual': 'همگام‌سازی دستی',
  'ui.trigger.tray': 'منوی سینی سیستم',
  'ui.trigger.resume': 'بیدار شدن رایانه',
  'ui.trigger.online': 'وصل شدن دوبارهٔ اینترنت',
  'ui.trigger.settings': 'تغییر تنظیمات',
  'ui.trigger.cli': 'خط فرمان',
};
