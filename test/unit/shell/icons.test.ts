import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TRAY_RESOURCES_FOLDER,
  TRAY_STATES,
  trayIconFiles,
  trayResourcesDir,
  type TrayState,
} from '../../../main/desktop/tray/tray-icons.ts';
import {
  APP_ICO_SIZES,
  ICNS_TYPES,
  TRAY_ICO_SIZES,
  TRAY_PALETTES,
  renderAppIcon,
  renderTrayIcon,
  writeIconFiles,
} from '../../../scripts/make-icons.ts';

const build = join(import.meta.dirname, '../../../build');
const trayDir = join(build, 'tray');

interface Image {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
}

/** A strict PNG reader for what make-icons writes: checks every CRC and undoes every filter. */
function decodePng(bytes: Buffer): Image {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    expect(bytes.readUInt32BE(offset + 8 + length)).toBe(
      crc32(bytes.subarray(offset + 4, offset + 8 + length)),
    );
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([...data.subarray(8)]).toEqual([8, 6, 0, 0, 0]);
    } else if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rgba = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const left = i >= 4 ? (rgba[y * stride + i - 4] as number) : 0;
      const up = y > 0 ? (rgba[(y - 1) * stride + i] as number) : 0;
      const upLeft = y > 0 && i >= 4 ? (rgba[(y - 1) * stride + i - 4] as number) : 0;
      const p = left + up - upLeft;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      const paeth = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      const predicted = [0, left, up, (left + up) >> 1, paeth][filter as number];
      if (predicted === undefined) throw new Error(`unknown PNG filter ${filter}`);
      rgba[y * stride + i] = ((raw[y * (stride + 1) + 1 + i] as number) + predicted) & 255;
    }
  }
  return { width, height, rgba };
}

/** The images of an .ico: 32-bit BMPs turned back into top-down RGBA, and PNGs decoded. */
function decodeIco(bytes: Buffer): Image[] {
  expect([bytes.readUInt16LE(0), bytes.readUInt16LE(2)]).toEqual([0, 1]);
  const images: Image[] = [];
  for (let index = 0; index < bytes.readUInt16LE(4); index++) {
    const entry = 6 + 16 * index;
    const size = bytes.readUInt8(entry) || 256;
    const data = bytes.subarray(
      bytes.readUInt32LE(entry + 12),
      bytes.readUInt32LE(entry + 12) + bytes.readUInt32LE(entry + 8),
    );
    expect(bytes.readUInt16LE(entry + 6)).toBe(32);
    if (data.subarray(1, 4).toString('latin1') === 'PNG') {
      images.push(decodePng(data));
      continue;
    }
    expect([data.readUInt32LE(0), data.readInt32LE(4), data.readInt32LE(8)]).toEqual([
      40,
      size,
      size * 2,
    ]);
    const rgba = new Uint8Array(size * size * 4);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const from = 40 + ((size - 1 - y) * size + x) * 4;
        rgba.set(
          [data[from + 2], data[from + 1], data[from], data[from + 3]] as number[],
          (y * size + x) * 4,
        );
      }
    }
    images.push({ width: size, height: size, rgba });
  }
  return images;
}

const alphaAt = (image: Uint8Array, pixel: number): number => image[pixel * 4 + 3] as number;

/** WCAG relative luminance of an sRGB colour given as 0..1 channels. */
function luminance([r, g, b]: readonly number[]): number {
  const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r ?? 0) + 0.7152 * lin(g ?? 0) + 0.0722 * lin(b ?? 0);
}

const contrast = (a: readonly number[], b: readonly number[]): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe('generated icons in build/', () => {
  let fresh: string;
  let written: string[];

  beforeAll(() => {
    fresh = mkdtempSync(join(tmpdir(), 'amoot-icons-'));
    written = writeIconFiles(fresh);
  }, 120_000);
  afterAll(() => rmSync(fresh, { recursive: true, force: true }));

  it('are exactly what scripts/make-icons.ts draws today, byte for byte', () => {
    const drifted = written.filter(
      (path) => !readFileSync(join(fresh, path)).equals(readFileSync(join(build, path))),
    );
    expect(drifted, 'run scripts/make-icons.ts and commit build/').toEqual([]);
  });

  it('leave no stale tray file behind that nothing generates', () => {
    const generated = written.filter((p) => p.startsWith('tray/')).map((p) => p.slice(5));
    expect(readdirSync(trayDir).sort()).toEqual(generated.sort());
  });

  it('give the app a 1024 px PNG whose pixels survive encoding unchanged', () => {
    const png = decodePng(readFileSync(join(build, 'icon.png')));
    expect([png.width, png.height]).toEqual([1024, 1024]);
    expect(Buffer.from(png.rgba).equals(Buffer.from(renderAppIcon(1024, 'square')))).toBe(true);
  });

  it('pack every Windows size into icon.ico, as BMPs below 256 px and a PNG at 256', () => {
    const bytes = readFileSync(join(build, 'icon.ico'));
    const images = decodeIco(bytes);
    expect(images.map((i) => i.width)).toEqual([...APP_ICO_SIZES]);
    for (const image of images) {
      expect(
        Buffer.from(image.rgba).equals(Buffer.from(renderAppIcon(image.width, 'square'))),
      ).toBe(true);
    }
  });

  it('pack the standard iconset sizes into icon.icns, each a PNG of its own size', () => {
    const bytes = readFileSync(join(build, 'icon.icns'));
    expect(bytes.toString('latin1', 0, 4)).toBe('icns');
    expect(bytes.readUInt32BE(4)).toBe(bytes.length);
    const found: [string, number][] = [];
    for (let offset = 8; offset < bytes.length; offset += bytes.readUInt32BE(offset + 4)) {
      const png = decodePng(bytes.subarray(offset + 8, offset + bytes.readUInt32BE(offset + 4)));
      expect(png.width).toBe(png.height);
      found.push([bytes.toString('latin1', offset, offset + 4), png.width]);
    }
    expect(found).toEqual(ICNS_TYPES.map(([type, size]) => [type, size]));
  });

  it('draw a Windows tray .ico per state and taskbar theme with 16, 20, 24 and 32 px', () => {
    for (const state of TRAY_STATES) {
      for (const dark of [false, true]) {
        const images = decodeIco(readFileSync(trayIconFiles(state, 'win32', dark, trayDir).path));
        expect(images.map((i) => i.width)).toEqual([...TRAY_ICO_SIZES]);
      }
    }
  });

  it('make macOS tray icons template images: black and alpha only, 16 px and 32 px @2x', () => {
    for (const state of TRAY_STATES) {
      const files = trayIconFiles(state, 'darwin', false, trayDir);
      expect(files.template).toBe(true);
      expect(files.images.map((f) => f.path)).toEqual([
        join(trayDir, `tray-${state}Template.png`),
        join(trayDir, `tray-${state}Template@2x.png`),
      ]);
      const [one, two] = files.images.map((f) => decodePng(readFileSync(f.path))) as [Image, Image];
      expect([one.width, two.width]).toEqual([16, 32]);
      for (const { rgba } of [one, two]) {
        const coloured = [...rgba].filter((value, i) => i % 4 !== 3 && value !== 0);
        expect(coloured).toEqual([]);
        expect([...rgba].some((value, i) => i % 4 === 3 && value === 255)).toBe(true);
      }
    }
  });

  it('give Linux panels 22 px PNGs with 44 px @2x in both theme variants', () => {
    for (const state of TRAY_STATES) {
      for (const dark of [false, true]) {
        const sizes = trayIconFiles(state, 'linux', dark, trayDir).images.map(
          (f) => decodePng(readFileSync(f.path)).width,
        );
        expect(sizes).toEqual([22, 44]);
      }
    }
  });
});

describe('tray icon drawings', () => {
  /** Pixels whose opacity differs by more than half between two drawings: a difference of shape. */
  function shapeDifference(a: TrayState, b: TrayState, size: number): number {
    const [x, y] = [a, b].map((s) => renderTrayIcon(s, size, TRAY_PALETTES.template)) as [
      Uint8Array,
      Uint8Array,
    ];
    let differing = 0;
    for (let pixel = 0; pixel < size * size; pixel++) {
      if (Math.abs(alphaAt(x, pixel) - alphaAt(y, pixel)) > 127) differing++;
    }
    return differing;
  }

  it.each([16, 32])('tells every state from every other by silhouette alone at %i px', (size) => {
    for (const [i, a] of TRAY_STATES.entries()) {
      for (const b of TRAY_STATES.slice(i + 1)) {
        // At least 5 % of the icon's pixels change opacity: visible on a monochrome menu bar.
        expect(shapeDifference(a, b, size), `${a} vs ${b}`).toBeGreaterThanOrEqual(
          (size * size) / 20,
        );
      }
    }
  });

  it('keeps the glyph readable on the taskbar it is drawn for (contrast of at least 3:1)', () => {
    const lightTaskbar = [0.95, 0.95, 0.95];
    const darkTaskbar = [0.125, 0.125, 0.125];
    for (const key of ['glyph', 'syncing', 'error', 'paused'] as const) {
      expect(
        contrast(TRAY_PALETTES.light[key], lightTaskbar),
        `light ${key}`,
      ).toBeGreaterThanOrEqual(3);
      expect(contrast(TRAY_PALETTES.dark[key], darkTaskbar), `dark ${key}`).toBeGreaterThanOrEqual(
        3,
      );
    }
  });

  it('draws with anti-aliased edges, not hard stair steps', () => {
    const image = renderTrayIcon('idle', 32, TRAY_PALETTES.template);
    const partial = [...Array(32 * 32).keys()].filter((p) => {
      const a = alphaAt(image, p);
      return a > 0 && a < 255;
    });
    expect(partial.length).toBeGreaterThan(20);
  });
});

describe('trayIconFiles', () => {
  it('loads the .ico for the taskbar theme on Windows', () => {
    expect(trayIconFiles('error', 'win32', true, '/res/tray')).toEqual({
      path: join('/res/tray', 'tray-error-dark.ico'),
      images: [{ path: join('/res/tray', 'tray-error-dark.ico'), scaleFactor: 1 }],
      template: false,
    });
    expect(trayIconFiles('error', 'win32', false, '/res/tray').path).toBe(
      join('/res/tray', 'tray-error-light.ico'),
    );
  });

  it('ignores the theme on macOS, where the menu bar tints template images', () => {
    expect(trayIconFiles('paused', 'darwin', true, '/r')).toEqual(
      trayIconFiles('paused', 'darwin', false, '/r'),
    );
  });

  it('uses the Linux PNGs on other Unix systems too', () => {
    expect(trayIconFiles('offline', 'freebsd', true, '/r')).toEqual(
      trayIconFiles('offline', 'linux', true, '/r'),
    );
    expect(trayIconFiles('offline', 'linux', true, '/r').images).toEqual([
      { path: join('/r', 'tray-offline-dark.png'), scaleFactor: 1 },
      { path: join('/r', 'tray-offline-dark@2x.png'), scaleFactor: 2 },
    ]);
  });

  it('finds the tray folder in the packaged resources, or in build/ while developing', () => {
    const location = { resourcesPath: '/opt/App/resources', appPath: '/src/amoot' };
    expect(trayResourcesDir({ ...location, isPackaged: true })).toBe(
      join('/opt/App/resources', TRAY_RESOURCES_FOLDER),
    );
    expect(trayResourcesDir({ ...location, isPackaged: false })).toBe(
      join('/src/amoot/build/tray'),
    );
  });

  it('names only files that exist in build/tray for every state, platform and theme', () => {
    for (const state of TRAY_STATES) {
      for (const platform of ['win32', 'darwin', 'linux'] as const) {
        for (const dark of [false, true]) {
          for (const { path } of trayIconFiles(state, platform, dark, trayDir).images) {
            expect(() => readFileSync(path), path).not.toThrow();
          }
        }
      }
    }
  });
});
