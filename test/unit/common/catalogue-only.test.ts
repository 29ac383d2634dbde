/**
 * "No user-visible string is written outside the catalogues": every component's markup is read,
 * and any text or user-facing attribute written as a literal (rather than through `t(…)`) fails
 * the test with the file and the text. The catalogues' completeness in both languages is checked
 * in `messages.test.ts` and by type.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const RENDERER = join(ROOT, 'renderer');
/** Letters a reader would read: Latin, Arabic script (Persian). */
const WORDS = /[A-Za-z\u0600-\u06FF]{2,}/;
const CATALOGUE_KEY = /^[a-z][\w-]*(\.[\w-]+)+$/;
const USER_FACING_ATTRIBUTES =
  /\b(aria-label|aria-description|title|placeholder|alt|label)="([^"]*)"/g;

function svelteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : svelteFiles(path);
    return entry.name.endsWith('.svelte') ? [path] : [];
  });
}

/** The markup with scripts, styles, comments and every `{…}` expression taken out. */
function markupOf(source: string): string {
  let markup = source
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  // Innermost braces first, until none are left (expressions nest: `{t(`ui.${kind}`)}`).
  for (let previous = ''; previous !== markup;) {
    previous = markup;
    markup = markup.replace(/\{[^{}]*\}/g, '');
  }
  return markup;
}

function literalTexts(source: string): string[] {
  const markup = markupOf(source);
  const found: string[] = [];
  for (const [, name, value] of markup.matchAll(USER_FACING_ATTRIBUTES)) {
    // A catalogue key handed to a component that translates it (`label="ui.first-run.token"`).
    if (CATALOGUE_KEY.test(value ?? '')) continue;
    if (WORDS.test(value ?? '')) found.push(`${name}="${value}"`);
  }
  const text = markup.replace(/<[^>]*>/g, '\n');
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (WORDS.test(trimmed)) found.push(trimmed);
  }
  return found;
}

describe('every user-visible string comes from the catalogues', () => {
  const files = svelteFiles(RENDERER);

  it('finds the components', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((file) => [relative(ROOT, file), file]))(
    '%s writes no literal text',
    (_name, file) => {
      expect(literalTexts(readFileSync(file, 'utf8'))).toEqual([]);
    },
  );

  it('would notice literal text, in markup and in attributes, in either language', () => {
    expect(
      literalTexts(`<script>const x = 'fine';</script>
        <p>{t('ui.ok')}</p>
        <button aria-label="Close">{t('ui.close')}</button>
        <TokenEntry label="ui.first-run.token-field" />
        <p>Sync now</p>
        <span title={t('ui.tip')}>همگام‌سازی</span>`),
    ).toEqual(['aria-label="Close"', 'Sync now', 'همگام‌سازی']);
  });
});
