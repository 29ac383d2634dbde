/** What a secret is replaced with: visibly a redaction, and not mistaken for a short token. */
export const REDACTED = '[redacted]';

/**
 * Replaces every occurrence of each secret in `text`. Each secret is trimmed first (a pasted token
 * often carries a line break, which then stays in the text), and besides the secret itself the
 * forms it takes when a log line holds it indirectly are removed: URL-encoded (a form body or
 * query) and JSON-escaped (a serialized object). All forms are replaced in one pass, longest first,
 * so a short secret cannot match inside the mask left by a longer one. Empty secrets are ignored;
 * any other length is redacted, however short, because a log that is harder to read is cheaper
 * than a leaked token.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    const form = secret.trim();
    if (form === '') continue;
    forms.add(form);
    forms.add(encodeURIComponent(form));
    forms.add(JSON.stringify(form).slice(1, -1));
  }
  if (forms.size === 0) return text;
  const pattern = [...forms]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  return text.replace(new RegExp(pattern, 'g'), REDACTED);
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}
