import type { ContactUpdate } from '../../../common/amoot-types.ts';

/**
 * The one rule for an ID the server lists more than once: it keeps its latest time (a tie goes to
 * the later entry, as the server wrote it last), at the first entry's place, and every repeat is
 * counted for the warning. Both parsers use it.
 *
 * Repeats are found by sorting — a typed-array sort of the numeric IDs, strings only for IDs past
 * 15 digits — far cheaper than a Map of a million entries when, as usual, nothing repeats; the Map
 * is built only over the IDs that do. `numericIds` may be given by a reader that already has them.
 */
export function mergeDuplicates(
  records: ContactUpdate[],
  numericIds?: readonly number[],
): { records: ContactUpdate[]; duplicates: number } {
  const repeated = repeatedKeys(records, numericIds);
  if (repeated.size === 0) return { records, duplicates: 0 };

  const kept = new Map<number | string, number>();
  const merged: ContactUpdate[] = [];
  let duplicates = 0;
  for (const record of records) {
    const key = contactIdKey(record.id);
    if (!repeated.has(key)) {
      merged.push(record);
      continue;
    }
    const seenAt = kept.get(key);
    if (seenAt === undefined) {
      kept.set(key, merged.length);
      merged.push(record);
      continue;
    }
    duplicates++;
    const seen = merged[seenAt];
    if (seen && record.updatedAtMs >= seen.updatedAtMs) merged[seenAt] = record;
  }
  return { records: merged, duplicates };
}

function repeatedKeys(
  records: readonly ContactUpdate[],
  numericIds?: readonly number[],
): Set<number | string> {
  const texts: string[] = [];
  let numbers = numericIds;
  if (numbers === undefined) {
    const collected: number[] = [];
    for (const record of records) {
      const key = contactIdKey(record.id);
      if (typeof key === 'number') collected.push(key);
      else texts.push(key);
    }
    numbers = collected;
  } else if (numbers.length < records.length) {
    for (const record of records) {
      const key = contactIdKey(record.id);
      if (typeof key === 'string') texts.push(key);
    }
  }
  const sorted = Float64Array.from(numbers).sort();
  const repeated = new Set<number | string>();
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1]) repeated.add(sorted[i] ?? 0);
  }
  texts.sort();
  for (let i = 1; i < texts.length; i++)
    if (texts[i] === texts[i - 1]) repeated.add(texts[i] ?? '');
  return repeated;
}

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
