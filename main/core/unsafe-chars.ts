/**
 * The characters a text from outside (a server's `Status`, an error's detail) must not bring into
 * a record, a message or a notification: control characters (C0, DEL, C1, line breaks and tabs
 * among them), and the invisible ones that reorder or hide text — the Arabic letter mark, bidi
 * embeddings, overrides and isolates, the direction marks, the line and paragraph separators,
 * the soft hyphen, zero-width space and joiner, the word joiners and the BOM. A `U+202E` turns
 * "…exe.txt" into "…txt.exe".
 *
 * U+200C ZERO WIDTH NON-JOINER is not among them: it is part of Persian spelling (`می‌شود`), and
 * dropping it changes the words of a Persian status.
 */
const UNSAFE_CLASS =
  '\\u0000-\\u001F\\u007F-\\u009F\\u00AD\\u061C\\u200B\\u200D-\\u200F\\u2028-\\u202E\\u2060-\\u2069\\uFEFF';

/** Each unsafe character on its own, for dropping. */
export const UNSAFE_CHAR = new RegExp(`[${UNSAFE_CLASS}]`, 'g');

/** Runs of unsafe characters, for replacing each run with one blank. */
export const UNSAFE_RUN = new RegExp(`[${UNSAFE_CLASS}]+`, 'g');
