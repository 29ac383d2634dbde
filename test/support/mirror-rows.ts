import type { ContactMirror, MirrorRow } from '../../main/core/ports/contact-mirror.ts';
import { isDeleted, isMissing, stateFlags, stateTime } from '../../main/core/sync/diff.ts';

/** Every contact row of a mirror, unpacked, for tests that compare what the mirror holds. */
export function readRows(mirror: Pick<ContactMirror, 'readStates'>): MirrorRow[] {
  const rows: MirrorRow[] = [];
  mirror.readStates((id, state) => {
    const flags = stateFlags(state);
    rows.push({
      id,
      updatedAtMs: stateTime(state),
      deleted: isDeleted(flags),
      missing: isMissing(flags),
    });
  });
  return rows;
}
