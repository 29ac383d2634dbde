import type { securityConfirmMessagesEn } from './security-confirm-en.ts';

/** Persian twins of `security-confirm-en.ts`. */
export const securityConfirmMessagesFa: Record<keyof typeof securityConfirmMessagesEn, string> = {
  'input.base-url.loopback-http-installed':
    'برنامهٔ نصب‌شده فقط از راه https:// با سرورها گفتگو می‌کند تا توکن رمزنگاری‌شده فرستاده شود؛ http:// ساده به همین رایانه برای سرور آزمایشی نسخهٔ توسعه است. نشانی‌ای با https:// وارد کنید. نمونه: {example}',
  'history.clear.failed':
    'تاریخچهٔ همگام‌سازی پاک نشد. چیزی حذف نشد. دوباره تلاش کنید؛ اگر باز هم ناموفق بود، گزارش‌ها را ببینید.',
};
