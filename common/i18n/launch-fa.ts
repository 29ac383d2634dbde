import type { launchMessagesEn } from './launch-en.ts';

/**
 * Persian strings of the developer commands, typed against the English keys. Commands and
 * variable names are wrapped in U+2066 … U+2069 (left-to-right isolate) so they read as typed.
 */
export const launchMessagesFa: Readonly<Record<keyof typeof launchMessagesEn, string>> = {
  'launch.electron-download-failed':
    'محیط اجرای الکترون که برنامه روی آن اجرا می‌شود هنوز نصب نشده و دریافت آن ممکن نشد ({detail}). چیزی تغییر نکرد. اتصال اینترنت را بررسی کنید و فرمان را دوباره اجرا کنید. اگر پشت پراکسی هستید، ⁦HTTPS_PROXY⁩ و ⁦ELECTRON_GET_USE_PROXY=true⁩ را تنظیم کنید؛ اگر سایت دریافت مسدود است، ⁦ELECTRON_MIRROR⁩ را روی یک آینهٔ نسخه‌های الکترون بگذارید. برای دریافت دستی این فرمان را اجرا کنید: ⁦npx install-electron⁩',
  'launch.electron-vite-failed':
    'ابزار ساخت اجرا نشد ({detail}). ⁦npm install⁩ را دوباره اجرا کنید و سپس همان فرمان را.',
};
