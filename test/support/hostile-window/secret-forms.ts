/**
 * The shapes a secret takes on its way out: as it is, URL- and form-encoded (upper and lower case
 * `%xx`), JSON-escaped once and twice, base64 (standard and URL-safe) and hex. A leak in any of
 * them is a leak.
 */
export function secretForms(secret: string): string[] {
  const utf8 = Buffer.from(secret, 'utf8');
  const url = encodeURIComponent(secret);
  const json = JSON.stringify(secret).slice(1, -1);
  const forms = [
    secret,
    url,
    url.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    new URLSearchParams({ t: secret }).toString().slice(2),
    json,
    JSON.stringify(json).slice(1, -1),
    json.replaceAll('/', '\\/'),
    utf8.toString('base64'),
    utf8.toString('base64url'),
    utf8.toString('base64').replace(/=+$/, ''),
    utf8.toString('hex'),
    utf8.toString('hex').toUpperCase(),
  ];
  return [...new Set(forms)];
}

/** The forms of `secret` that `text` contains. */
export function formsFoundIn(text: string, secret: string): string[] {
  return secretForms(secret).filter((form) => text.includes(form));
}
