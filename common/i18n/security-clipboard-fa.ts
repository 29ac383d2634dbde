import type { clipboardMessagesEn } from './security-clipboard-en.ts';

/** Persian twins of `security-clipboard-en.ts`. */
export const clipboardMessagesFa: Record<keyof typeof clipboardMessagesEn, string> = {
  'ui.token.paste.no-gesture':
    'کلیپ‌بورد فقط درست پس از کلیک روی «چسباندن» خوانده می‌شود و آن لحظه گذشت. دوباره روی «چسباندن» کلیک کنید.',
  'ui.token.paste.no-token':
    'در کلیپ‌بورد توکن API نیست. اول توکن را از پنل سامانه پیامک آموت کپی کنید، سپس روی «چسباندن» کلیک کنید.',
  'ui.sync.too-soon.one':
    'همگام‌سازی همین الان شروع شده بود. {count} ثانیه صبر کنید، سپس دوباره روی «همگام‌سازی الان» کلیک کنید.',
  'ui.sync.too-soon.other':
    'همگام‌سازی همین الان شروع شده بود. {count} ثانیه صبر کنید، سپس دوباره روی «همگام‌سازی الان» کلیک کنید.',
};
