/**
 * The stores report a file they had to move aside with the type the window reads it as, so what a
 * store recorded and what the window shows cannot drift apart.
 */
export type { StoreRecovery } from '../../../common/ipc/view-types.ts';
