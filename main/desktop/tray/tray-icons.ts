/**
 * Which image files show a tray state on each platform. Pure path logic, without Electron, so the
 * tray wiring, the icon generator (`scripts/make-icons.ts`) and the packaging test all take the
 * file names from here and cannot disagree about them.
 *
 * The files live in `build/tray/` and ship as `extraResources` in `<resources>/tray/`
 * (electron-builder.yml); `trayResourcesDir` says where that folder is at run time.
 */
import { join } from 'node:path';

/** Every state the tray can show; each one differs from the others by shape, not only colour. */
export const TRAY_STATES = ['idle', 'syncing', 'error', 'paused', 'offline'] as const;
export type TrayState = (typeof TRAY_STATES)[number];

/** The folder inside the app's resources that electron-builder copies `build/tray` to. */
export const TRAY_RESOURCES_FOLDER = 'tray';

/** One file of a tray icon and the display scale it is drawn for. */
export interface TrayIconImage {
  readonly path: string;
  readonly scaleFactor: number;
}

/** What the tray needs to build one `nativeImage`. */
export interface TrayIconFiles {
  /**
   * The file to hand to `nativeImage.createFromPath`. Electron picks the `@2x` sibling listed in
   * `images` by itself on high-density displays, and a Windows `.ico` holds every size it needs.
   */
  readonly path: string;
  /** Every file that makes up the icon, 1x first; `path` is the first entry. */
  readonly images: readonly TrayIconImage[];
  /**
   * A macOS template image: black and alpha only, which the menu bar tints for light, dark and
   * highlighted menu bars. Electron already infers this from the `Template` suffix; callers may
   * also call `setTemplateImage(true)` to be explicit.
   */
  readonly template: boolean;
}

/**
 * The tray icon files for `state` on `platform`.
 *
 * - Windows: one `.ico` with 16, 20, 24 and 32 px images (100 % to 200 % scaling). The taskbar is
 *   not tinted by Windows, so there are two drawings: `-dark` (a light glyph) for a dark taskbar
 *   and `-light` (a dark glyph) for a light one. The taskbar follows the Windows *system* theme
 *   (`SystemUsesLightTheme` under HKCU\…\Themes\Personalize), which may differ from the app theme
 *   that `nativeTheme.shouldUseDarkColors` reports.
 * - macOS: `…Template.png` (16 px) and `…Template@2x.png` (32 px); the menu bar tints them, so
 *   `darkTaskbar` does not matter.
 * - Linux and anything else: 22 px PNG and its 44 px `@2x`, in the same two variants as Windows,
 *   because panels are not tinted either.
 *
 * `resourcesDir` is the folder holding the tray files (see {@link trayResourcesDir}).
 */
export function trayIconFiles(
  state: TrayState,
  platform: NodeJS.Platform,
  darkTaskbar: boolean,
  resourcesDir: string,
): TrayIconFiles {
  const variant = darkTaskbar ? 'dark' : 'light';
  if (platform === 'win32') {
    return icon(resourcesDir, [`tray-${state}-${variant}.ico`], false);
  }
  if (platform === 'darwin') {
    return icon(resourcesDir, [`tray-${state}Template.png`, `tray-${state}Template@2x.png`], true);
  }
  return icon(
    resourcesDir,
    [`tray-${state}-${variant}.png`, `tray-${state}-${variant}@2x.png`],
    false,
  );
}

/** Where the app finds its own executable's resources and its source tree. */
export interface AppLocation {
  /** `app.isPackaged` */
  readonly isPackaged: boolean;
  /** `process.resourcesPath`: where `extraResources` end up in a packaged app. */
  readonly resourcesPath: string;
  /** `app.getAppPath()`: the project root while developing (the folder with package.json). */
  readonly appPath: string;
}

/**
 * The folder with the tray icons: `<resources>/tray` when packaged (electron-builder's
 * `extraResources`), `<project>/build/tray` while developing, where the generator writes them.
 */
export function trayResourcesDir(location: AppLocation): string {
  return location.isPackaged
    ? join(location.resourcesPath, TRAY_RESOURCES_FOLDER)
    : join(location.appPath, 'build', TRAY_RESOURCES_FOLDER);
}

function icon(dir: string, names: readonly string[], template: boolean): TrayIconFiles {
  const images = names.map((name, index) => ({ path: join(dir, name), scaleFactor: index + 1 }));
  const [first] = images;
  if (first === undefined) throw new Error('A tray icon needs at least one file');
  return { path: first.path, images, template };
}
