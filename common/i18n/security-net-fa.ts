import type { securityNetMessagesEn } from './security-net-en.ts';

/** The Persian of `security-net-en.ts`, key for key. */
export const securityNetMessagesFa: Readonly<Record<keyof typeof securityNetMessagesEn, string>> = {
  'error.protocol.redirect':
    'سرورِ نشانی ذخیره‌شده با یک تغییر مسیر (redirect) به {host} پاسخ داد. برنامه هرگز تغییر مسیر را دنبال نمی‌کند تا توکن شما فقط به نشانی تنظیمات فرستاده شود. نشانی سرور را در تنظیمات بررسی کنید (شاید جابه‌جا شده یا https لازم دارد) و دوباره همگام‌سازی کنید.',
  'error.protocol.redirect.no-host':
    'سرورِ نشانی ذخیره‌شده با یک تغییر مسیر (redirect) پاسخ داد. برنامه هرگز تغییر مسیر را دنبال نمی‌کند تا توکن شما فقط به نشانی تنظیمات فرستاده شود. نشانی سرور را در تنظیمات بررسی کنید (شاید جابه‌جا شده یا https لازم دارد) و دوباره همگام‌سازی کنید.',
};
