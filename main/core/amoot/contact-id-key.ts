/**
 * A key for a contact ID in a Map or Set. Canonical decimal IDs of up to 15 digits map one-to-one
 * onto numbers, which are small and need no string hashing; anything else stays text. Used wherever
 * a million IDs are looked up: the duplicate check and the diff.
 */
export function contactIdKey(id: string): number | string {
  if (id.length > 15 || id.length === 0 || (id.length > 1 && id.charCodeAt(0) === 0x30)) return id;
  for (let i = 0; i < id.length; i++) {
    const code = id.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return id;
  }
  return Number(id);
}
