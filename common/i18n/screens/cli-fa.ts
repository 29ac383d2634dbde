import type { cliMessagesEn } from './cli-en.ts';

/** Persian strings of the command line, typed against the English keys. */
export const cliMessagesFa: Readonly<Record<keyof typeof cliMessagesEn, string>> = {
  'cli.help.title': 'همگام‌ساز مخاطبین آموت، خط فرمان. فرمان‌ها:',
  'cli.help.fetch': 'یک درخواست به وب‌سرویس؛ یک شیء JSON چاپ می‌کند (توکن از AMOOT_TOKEN).',
  'cli.help.sync':
    'یک همگام‌سازی پوشهٔ داده با موتور برنامه؛ گزینه‌ها فقط وقتی همگام‌سازی موفق شود در پوشه ذخیره می‌شوند.',
  'cli.help.updates': 'فهرست تغییرات یک پوشهٔ داده، از جدیدترین، به صورت JSON.',
  'cli.help.history': 'همگام‌سازی‌های یک پوشهٔ داده، از جدیدترین، به صورت JSON.',
  'cli.help.export': 'فهرست تغییرات یک پوشهٔ داده به صورت فایل CSV برای Excel.',
  'cli.help.footer':
    'هنگام اجرا با npm میان «cli» و فرمان -- بگذارید. هر نتیجه JSON روی stdout است؛ کد خروج در موفقیت ۰ و در شکست ۱ است. «<فرمان> --help» راهنمای یک فرمان را نشان می‌دهد.',
  'cli.no-command':
    'فرمانی داده نشد. فرمان‌ها: {commands}. برای گزینه‌هایشان «npm run --silent cli -- --help» را اجرا کنید.',
  'cli.unknown-command':
    'فرمان «{command}» شناخته نشد. فرمان‌ها: {commands}. برای گزینه‌هایشان «npm run --silent cli -- --help» را اجرا کنید.',
  'cli.unknown-option':
    'گزینهٔ «{option}» برای «{command}» شناخته نشد. برای گزینه‌هایش «npm run --silent cli -- {command} --help» را اجرا کنید.',
  'cli.unexpected-argument':
    '«{argument}» گزینهٔ «{command}» نیست: گزینه‌ها با -- شروع می‌شوند. با npm پیش از فرمان -- بگذارید: npm run --silent cli -- {command} --option value.',
  'cli.npm-took-options':
    'npm گزینه‌های {options} را برای خودش برداشت و به «{command}» نرسیدند. میان «cli» و فرمان -- بگذارید: npm run --silent cli -- {command} …',
  'cli.missing-value': 'گزینهٔ {option} مقدار می‌خواهد، مانند {option} VALUE.',
  'cli.no-value': 'گزینهٔ {option} مقدار نمی‌گیرد: آن را تنها بنویسید.',
  'cli.missing-option':
    'گزینهٔ {option} لازم است. با npm پیش از فرمان -- بگذارید: npm run --silent cli -- COMMAND {option} …',
  'cli.repeated-option':
    'گزینهٔ {option} بیش از یک بار آمده است. آن را یک بار و با مقداری که منظورتان است بدهید.',
  'cli.bad-number':
    'گزینهٔ {option} عددی صحیح از {min} تا {max} می‌پذیرد که فقط با رقم نوشته شده باشد (رقم فارسی و عربی هم)، بی علامت و بی فاصله.',
  'cli.bad-group':
    'گزینهٔ --group شمارهٔ گروه مخاطبین را می‌پذیرد که فقط با رقم نوشته شده باشد (رقم فارسی و عربی هم)، مانند ۰ یا ۱۲: بی علامت، فاصله یا ممیز، و هرگز منفی.',
  'cli.bad-kind': 'گزینهٔ --kind یکی از این‌ها را می‌پذیرد: {kinds}.',
  'cli.keychain-unavailable': 'توکنی در AMOOT_TOKEN نیست و جاکلیدی سیستم هم خوانده نشد: {reason}',
  'cli.export-failed':
    'فایل CSV در {path} نوشته نشد. بررسی کنید که پوشه وجود دارد، می‌توان در آن نوشت و دیسک جای خالی دارد.',
  'cli.no-token':
    'توکنی پیدا نشد. متغیر محیطی AMOOT_TOKEN را برابر توکن وب‌سرویس از پنل آموت قرار دهید، یا توکن را در برنامه ذخیره کنید تا در جاکلیدی سیستم نگه داشته شود.',
  'cli.server-slow':
    'سرور {seconds} ثانیه است چیزی نفرستاده؛ هنوز منتظریم (در هر تلاش حداکثر {limit} ثانیه؛ با --timeout-ms تعیین می‌شود). برای توقف Ctrl+C را بزنید.',
  'cli.unexpected':
    'فرمان با مشکلی غیرمنتظره متوقف شد. آن را با --verbose دوباره اجرا کنید تا جزئیات روی stderr بیاید؛ اگر تکرار شد آن را برای پشتیبانی بفرستید.',
  'cli.file.missing':
    '{path} وجود ندارد. مسیر را بررسی کنید؛ برای updates، history و export پوشهٔ داده‌ای را بدهید که یک همگام‌سازی در آن نوشته است.',
  'cli.file.not-folder':
    '{path} یک فایل است، یا زیر یک فایل قرار دارد، در جایی که پوشه لازم است. به --data-dir یک پوشه بدهید.',
  'cli.file.is-folder':
    '{path} یک پوشه است در جایی که فایل لازم است. آن را جابه‌جا کنید یا --data-dir دیگری بدهید.',
  'cli.file.denied':
    'این کاربر اجازهٔ خواندن یا نوشتن {path} را ندارد. مجوزهای آن را تغییر دهید یا --data-dir دیگری بدهید.',
  'cli.file.read-only':
    '{path} روی دیسکی فقط‌خواندنی است. --data-dir را روی دیسکی بدهید که بتوان در آن نوشت.',
  'cli.file.disk-full':
    'دیسکی که {path} روی آن است پر است. کمی جا باز کنید و فرمان را دوباره اجرا کنید.',
};
