import fs from 'node:fs';
import type { JsonDocument } from '../../core/settings/json-document.ts';
import { parseObjectJson } from './conf-document.ts';

export interface ReadOnlyDocument {
  readonly document: JsonDocument;
  /** Set when the file is there but is not JSON of an object: reported, never moved. */
  readonly damaged: boolean;
}

/**
 * A settings or history file for the commands that only read (`updates`, `history`, `export`):
 * read with plain `fs`, no folder created, no file written, nothing moved aside even when it is
 * damaged — conf would create the folder on its first read. An absent file reads as an empty
 * object, as under conf; a folder or an unreadable file in its place throws the system's error,
 * which the caller classifies.
 */
export function openReadOnlyDocument(file: string): ReadOnlyDocument {
  let value: Record<string, unknown> = {};
  let damaged = false;
  let text: string | null = null;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (text !== null) {
    try {
      value = parseObjectJson(text);
    } catch {
      damaged = true;
    }
  }
  const refuse = (): never => {
    throw new Error(`${file} was opened for reading only`);
  };
  return {
    damaged,
    document: { path: file, read: () => value, write: refuse, moveAside: refuse },
  };
}
