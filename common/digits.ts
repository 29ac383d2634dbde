/**
 * Persian (U+06F0–U+06F9) and Arabic-Indic (U+0660–U+0669) digits become ASCII digits, because a
 * Persian keyboard types them and the API accepts only ASCII.
 */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}
