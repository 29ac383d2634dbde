import type { settingsMessagesEn } from './settings-en.ts';

/**
 * Persian strings of the Settings and first-run screens, typed against the English keys. A Latin
 * fragment that ends in punctuation or a symbol (`https://`, `⌘V`) is wrapped in U+2066 … U+2069
 * (left-to-right isolate), or the right-to-left text around it would flip it to `//:https`.
 */
export const settingsMessagesFa: Readonly<Record<keyof typeof settingsMessagesEn, string>> = {
  'ui.settings.title': 'تنظیمات',
  'ui.settings.token': 'توکن API',
  'ui.settings.loading': 'در حال بارگذاری تنظیمات…',
  'ui.settings.load-failed':
    'تنظیمات بارگذاری نشد. به بخش دیگری بروید و برگردید تا دوباره تلاش شود.',
  'ui.settings.saved': 'ذخیره شد',
  'ui.settings.save-failed':
    'تغییر ذخیره نشد، چون برنامه پاسخی نداد. دوباره تلاش کنید؛ اگر باز هم پیش آمد، برنامه را دوباره اجرا کنید.',
  'ui.settings.action-failed':
    'برنامه پاسخی نداد. دوباره تلاش کنید؛ اگر باز هم پیش آمد، برنامه را دوباره اجرا کنید.',
  'ui.settings.sync': 'همگام‌سازی',
  'ui.settings.group': 'گروه مخاطبین',
  'ui.settings.group.hint': 'عددی صحیح از ۰ به بالا؛ معمولاً ۰.',
  'ui.settings.interval': 'همگام‌سازی هر چند دقیقه',
  'ui.settings.interval.hint': 'عددی صحیح از {min} تا {max} دقیقه.',
  'ui.settings.notifications': 'اعلان‌ها',
  'ui.settings.notifications.legend': 'چه زمانی اعلان نشان داده شود',
  'ui.settings.notifications.off': 'هرگز',
  'ui.settings.notifications.errors': 'فقط وقتی همگام‌سازی ناموفق است',
  'ui.settings.notifications.changes-and-errors':
    'وقتی مخاطبین تغییر می‌کنند یا همگام‌سازی ناموفق است',
  'ui.settings.startup': 'اجرای خودکار',
  'ui.settings.start-at-login': 'اجرا هنگام ورود به سیستم',
  'ui.settings.start-hidden': 'شروع پنهان در سینی سیستم',
  'ui.settings.start-hidden.hint':
    'پنجره باز نمی‌شود؛ برنامه به همگام‌سازی ادامه می‌دهد و از نماد آن در سینی سیستم باز می‌شود.',
  'ui.settings.appearance': 'زبان و ظاهر',
  'ui.settings.language': 'زبان',
  'ui.settings.theme': 'پوسته',
  'ui.settings.advanced': 'پیشرفته',
  'ui.settings.advanced.hint': 'این‌ها را فقط وقتی تغییر دهید که پشتیبانی آموت از شما بخواهد.',
  'ui.settings.base-url': 'نشانی وب‌سرویس آموت',
  'ui.settings.base-url.hint': 'باید با \u2066https://\u2069 شروع شود. نشانی معمول: {url}',
  'ui.settings.time-zone': 'منطقهٔ زمانی سرور',
  'ui.settings.time-zone.hint':
    'منطقهٔ زمانی ساعت سرور آموت، با نامی مانند Asia/Tehran (مقدار معمول).',
  'ui.settings.about': 'دربارهٔ برنامه',
  'ui.settings.version-unknown': 'نسخهٔ نامشخص',
  'ui.settings.logs-opened': 'پوشهٔ گزارش‌ها باز شد.',
  'ui.token.present': 'یک توکن ذخیره شده است.',
  'ui.token.absent': 'هنوز توکنی ذخیره نشده است.',
  'ui.token.status-label': 'وضعیت',
  'ui.token.where-label': 'محل نگه‌داری',
  'ui.token.where.keychain.win32': 'مدیر اعتبارنامه‌های ویندوز (Windows Credential Manager)',
  'ui.token.where.keychain.darwin': 'جاکلیدی macOS (Keychain)',
  'ui.token.where.keychain.linux': 'سرویس Secret Service (GNOME Keyring یا KWallet)',
  'ui.token.where.keychain.other': 'جاکلیدی سیستم',
  'ui.token.where.safe-storage': 'فایلی رمزگذاری‌شده که سیستم‌عامل از آن محافظت می‌کند',
  'ui.token.where.memory': 'فقط در همین اجرا؛ با بستن برنامه، توکن فراموش می‌شود',
  'ui.token.replace': 'جایگزینی توکن',
  'ui.token.enter': 'وارد کردن توکن',
  'ui.token.field': 'توکن API جدید',
  'ui.token.show': 'نمایش توکن',
  'ui.token.hide': 'پنهان کردن توکن',
  'ui.token.paste': 'چسباندن',
  'ui.token.paste-failed':
    'کلیپ‌بورد خوانده نشد. در کادر توکن کلیک کنید و برای چسباندن Ctrl+V را بزنید.',
  'ui.token.paste-failed.mac':
    'کلیپ‌بورد خوانده نشد. در کادر توکن کلیک کنید و برای چسباندن \u2066⌘V\u2069 را بزنید.',
  'ui.token.save': 'بررسی و ذخیره',
  'ui.token.testing': 'در حال بررسی توکن با سامانه پیامک آموت…',
  'ui.token.saving': 'در حال ذخیرهٔ توکن…',
  'ui.token.saved': 'توکن درست کار می‌کند و ذخیره شد.',
  'ui.token.save-untested': 'ذخیره بدون بررسی',
  'ui.token.saved-untested':
    'توکن بدون بررسی ذخیره شد. همگام‌سازی بعدی نشان می‌دهد که سامانه پیامک آموت آن را می‌پذیرد یا نه.',
  'ui.token.failed':
    'توکن ذخیره نشد، چون برنامه پاسخی نداد. دوباره تلاش کنید؛ اگر باز هم پیش آمد، برنامه را دوباره اجرا کنید.',
  'ui.token.test-saved': 'بررسی توکن ذخیره‌شده',
  'ui.token.test-saved.running': 'در حال بررسی توکن ذخیره‌شده با سامانه پیامک آموت…',
  'ui.token.test-saved.ok': 'سامانه پیامک آموت توکن ذخیره‌شده را پذیرفت.',
  'ui.token.remove': 'حذف توکن',
  'ui.token.removing': 'در حال حذف توکن…',
  'ui.token.removed': 'توکن حذف شد.',
  'ui.language.system': 'زبان سیستم',
  'ui.language.fa': 'فارسی',
  'ui.language.en': 'English (انگلیسی)',
  'ui.theme.system': 'مانند سیستم',
  'ui.theme.light': 'روشن',
  'ui.theme.dark': 'تیره',
  'ui.first-run.what':
    'همگام‌ساز مخاطبین آموت نسخه‌ای محلی و به‌روز از مخاطبین سامانه پیامک آموت شما نگه می‌دارد و نشان می‌دهد کدام مخاطبین تغییر کرده‌اند.',
  'ui.first-run.how':
    'همگام‌سازی خودکار و در پس‌زمینه انجام می‌شود. برای شروع، توکن API را از پنل آموت خود وارد کنید.',
  'ui.first-run.token-field': 'توکن API از پنل آموت',
};
