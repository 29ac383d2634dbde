import type { confirmMessagesEn } from './confirm-en.ts';

/** Persian twins of `confirm-en.ts`. */
export const confirmMessagesFa: Record<keyof typeof confirmMessagesEn, string> = {
  'confirm.cancel': 'انصراف',
  'confirm.send-token-to-host.title': 'استفاده از سرور دیگر؟',
  'confirm.send-token-to-host.message': 'توکن API شما به {host} فرستاده شود؟',
  'confirm.send-token-to-host.detail':
    '{host} سرور AmootSMS نیست. هر همگام‌سازی و هر بررسی توکن، توکن API شما را به آنجا می‌فرستد و گردانندهٔ آن سرور می‌تواند از حساب شما استفاده کند. «استفاده از این سرور» را فقط وقتی بزنید که به آن اعتماد دارید.',
  'confirm.send-token-to-host.ok': 'استفاده از این سرور',
  'confirm.save-untested-token.title': 'ذخیره بدون بررسی؟',
  'confirm.save-untested-token.message': 'این توکن بدون بررسی با سرور ذخیره شود؟',
  'confirm.save-untested-token.detail':
    'اگر توکن نادرست باشد، همگام‌سازی‌ها تا وارد کردن توکن درست ناموفق می‌مانند. توکن ذخیره‌شدهٔ قبلی جایگزین می‌شود.',
  'confirm.save-untested-token.ok': 'ذخیره بدون بررسی',
  'confirm.replace-token.title': 'جایگزینی توکن ذخیره‌شده؟',
  'confirm.replace-token.message': 'توکن API ذخیره‌شده با توکن تازه جایگزین شود؟',
  'confirm.replace-token.detail':
    'توکن تازه بررسی را گذراند. از این پس برنامه حسابِ همین توکن را همگام می‌کند و توکن قبلی از جاکلیدی حذف می‌شود.',
  'confirm.replace-token.ok': 'جایگزینی توکن',
  'confirm.remove-token.title': 'حذف توکن؟',
  'confirm.remove-token.message': 'توکن API از این رایانه حذف شود؟',
  'confirm.remove-token.detail':
    'همگام‌سازی تا وارد کردن دوبارهٔ توکن متوقف می‌شود. مخاطبان و تاریخچهٔ ذخیره‌شده حفظ می‌شوند.',
  'confirm.remove-token.ok': 'حذف توکن',
  'confirm.clear-history.title': 'پاک کردن تاریخچهٔ همگام‌سازی؟',
  'confirm.clear-history.message': 'همهٔ اجراهای تاریخچهٔ همگام‌سازی حذف شوند؟',
  'confirm.clear-history.detail':
    'این کار برگشت‌پذیر نیست. مخاطبان و فهرست تغییراتشان حفظ می‌شوند.',
  'confirm.clear-history.ok': 'پاک کردن تاریخچه',
  'confirm.shorten-retention.title': 'نگه داشتن بخش کمتری از فهرست تغییرات؟',
  'confirm.shorten-retention.message.changeLogMaxAgeDays':
    'تغییرات به‌جای {from} روز، {to} روز نگه داشته شوند؟',
  'confirm.shorten-retention.message.changeLogMaxRows':
    'به‌جای {from} تغییر، حداکثر {to} تغییر نگه داشته شود؟',
  'confirm.shorten-retention.detail':
    'تغییرات قدیمی‌تر از حد تازه پس از همگام‌سازی بعدی حذف می‌شوند و بازگرداندنی نیستند.',
  'confirm.shorten-retention.ok': 'نگه داشتن کمتر',
  'confirm.start-at-login.title': 'اجرا هنگام ورود؟',
  'confirm.start-at-login.message.on': 'Amoot Contact Sync هر بار که وارد سیستم می‌شوید اجرا شود؟',
  'confirm.start-at-login.message.off': 'اجرای Amoot Contact Sync هنگام ورود به سیستم متوقف شود؟',
  'confirm.start-at-login.detail':
    'این کار فهرست برنامه‌هایی را که هنگام ورود اجرا می‌شوند تغییر می‌دهد. می‌توانید دوباره در تنظیمات تغییرش دهید.',
  'confirm.start-at-login.ok': 'تغییر',
};
