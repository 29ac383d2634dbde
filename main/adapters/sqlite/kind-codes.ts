import { CHANGE_KINDS, type ChangeKind } from '../../../common/sync-types.ts';

/**
 * The change log stores a kind as a small integer: one byte per row and per index entry instead of
 * up to eight, over a million rows. The codes are written to disk, so they are spelled out here
 * rather than taken from the position in `CHANGE_KINDS`, which may change order; a new kind fails
 * to compile until it gets a code of its own.
 */
const CODE_OF_KIND = {
  added: 1,
  updated: 2,
  deleted: 3,
  restored: 4,
  missing: 5,
} as const satisfies Record<ChangeKind, number>;

export type KindCode = (typeof CODE_OF_KIND)[ChangeKind];

export const KIND_CODES: readonly KindCode[] = CHANGE_KINDS.map((kind) => CODE_OF_KIND[kind]);

const KIND_OF_CODE = new Map<number, ChangeKind>(
  CHANGE_KINDS.map((kind) => [CODE_OF_KIND[kind], kind]),
);

export function kindCode(kind: ChangeKind): KindCode {
  return CODE_OF_KIND[kind];
}

/** Reads a stored code back; a code this version does not know means the file is not ours. */
export function kindOfCode(code: number): ChangeKind {
  const kind = KIND_OF_CODE.get(code);
  if (kind === undefined) throw new Error(`change_log holds an unknown kind code ${code}`);
  return kind;
}
