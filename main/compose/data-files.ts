/** The data folder's file names, for the wiring that imports them from here. */
export { MIRROR_FILE } from '../core/ports/data-folder.ts';
