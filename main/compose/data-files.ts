/** The contact mirror's file inside the data folder (opened by main and by the sync process). */
export const MIRROR_FILE = 'mirror.sqlite';
