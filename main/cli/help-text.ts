import { formatMessage, type Language } from '../../common/i18n/format-message.ts';
import type { MessageKey } from '../../common/i18n/messages-en.ts';

/** One command as `--help` shows it: its name, its syntax (the same in both languages), what it does. */
export interface CommandHelp {
  readonly name: string;
  readonly usage: string;
  readonly summary: MessageKey;
}

/**
 * Usage for people, not scripts: plain text, English then Persian, so `--help` reads well in a
 * terminal. The command syntax is not translated: it is what one types.
 */
export function helpText(entries: readonly CommandHelp[]): string {
  const part = (language: Language) => {
    const lines = [formatMessage(language, 'cli.help.title'), ''];
    for (const entry of entries) {
      lines.push(
        `  ${entry.name}: ${formatMessage(language, entry.summary)}`,
        `    ${entry.usage}`,
      );
    }
    lines.push('', formatMessage(language, 'cli.help.footer'));
    return lines.join('\n');
  };
  return `${part('en')}\n\n${part('fa')}\n`;
}
