import type { hardenMessagesEn } from './security-harden-en.ts';

/** The Persian of `security-harden-en.ts`, key for key. */
export const hardenMessagesFa: Readonly<Record<keyof typeof hardenMessagesEn, string>> = {
  'export.target.exists':
    '{path} از قبل وجود دارد. نامی که انتخاب کردید به ‎.csv ختم نمی‌شد، پس برنامه آن را افزود و جایگزین شدن این فایل هرگز از شما پرسیده نشد؛ چیزی نوشته نشد. برای جایگزین کردن آن، همان فایل را با نام کاملش (با ‎.csv) انتخاب کنید، یا نام دیگری بدهید.',
};
