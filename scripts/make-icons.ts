/**
 * Draws the app icon and the tray icons and writes them to `build/` (the committed copies that
 * electron-builder packages):
 *
 *   node --experimental-strip-types --disable-warning=ExperimentalWarning scripts/make-icons.ts [outDir]
 *
 * Everything is drawn here, in plain Node, so the icons can be reviewed as code and re-made
 * without an image editor or an image package: shapes are signed distance functions, whose value
 * at a pixel centre gives an anti-aliased coverage; PNG, ICO and ICNS are packed by hand. The
 * output is byte-for-byte deterministic (test/unit/shell/icons.test.ts re-generates it and compares
 * it with the committed files), so a change to a drawing cannot be forgotten in `build/`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, crc32, deflateSync } from 'node:zlib';
import { TRAY_STATES, trayIconFiles, type TrayState } from '../main/desktop/tray/tray-icons.ts';

// ---------------------------------------------------------------------------------------------
// Shapes: signed distance in canvas units (the canvas is the unit square, y pointing down),
// negative inside.

/** Signed distance from a point to a shape's outline; negative inside. */
type Sdf = (x: number, y: number) => number;

const length = (x: number, y: number): number => Math.sqrt(x * x + y * y);

const circle =
  (cx: number, cy: number, r: number): Sdf =>
  (x, y) =>
    length(x - cx, y - cy) - r;

/** A rectangle of half-extents (hw, hh) centred on (cx, cy), its corners rounded by r. */
const roundedRect =
  (cx: number, cy: number, hw: number, hh: number, r: number): Sdf =>
  (x, y) => {
    const qx = Math.abs(x - cx) - hw + r;
    const qy = Math.abs(y - cy) - hh + r;
    return length(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
  };

/** A stroke of width `w` from a to b with round ends. */
const capsule =
  (ax: number, ay: number, bx: number, by: number, w: number): Sdf =>
  (x, y) => {
    const px = x - ax;
    const py = y - ay;
    const ex = bx - ax;
    const ey = by - ay;
    const t = Math.min(1, Math.max(0, (px * ex + py * ey) / (ex * ex + ey * ey)));
    return length(px - ex * t, py - ey * t) - w / 2;
  };

/** Any simple polygon (after Inigo Quilez's sdPolygon): exact distance, sign by winding. */
function polygon(points: readonly (readonly [number, number])[]): Sdf {
  return (x, y) => {
    const n = points.length;
    let d = Infinity;
    let inside = false;
    for (let i = 0, j = n - 1; i < n; j = i, i++) {
      const [xi, yi] = points[i] as readonly [number, number];
      const [xj, yj] = points[j] as readonly [number, number];
      const ex = xj - xi;
      const ey = yj - yi;
      const wx = x - xi;
      const wy = y - yi;
      const t = Math.min(1, Math.max(0, (wx * ex + wy * ey) / (ex * ex + ey * ey)));
      d = Math.min(d, length(wx - ex * t, wy - ey * t));
      if (yi > y !== yj > y && x < (ex * (y - yi)) / ey + xi) inside = !inside;
    }
    return inside ? -d : d;
  };
}

/**
 * A disc of radius r cut by the horizontal line h above its centre, keeping the cap above the
 * line (Inigo Quilez's sdCutDisk, in y-up coordinates relative to the centre).
 */
function cutDisk(r: number, h: number): (x: number, yUp: number) => number {
  const w = Math.sqrt(r * r - h * h);
  return (x, yUp) => {
    const ax = Math.abs(x);
    const s = Math.max((h - r) * ax * ax + w * w * (h + r - 2 * yUp), h * ax - w * yUp);
    if (s < 0) return length(ax, yUp) - r;
    if (ax < w) return h - yUp;
    return length(ax - w, yUp - h);
  };
}

/**
 * A stroke of width w along a circle, from angle `from` clockwise (y points down) through
 * `sweep` radians, with round ends.
 */
function arc(cx: number, cy: number, r: number, w: number, from: number, sweep: number): Sdf {
  const ends = [from, from + sweep].map((a) => [cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  const [s, e] = ends as [[number, number], [number, number]];
  return (x, y) => {
    const dx = x - cx;
    const dy = y - cy;
    const turn = 2 * Math.PI;
    const a = (((Math.atan2(dy, dx) - from) % turn) + turn) % turn;
    if (a <= sweep) return Math.abs(length(dx, dy) - r) - w / 2;
    return Math.min(length(x - s[0], y - s[1]), length(x - e[0], y - e[1])) - w / 2;
  };
}

const union =
  (...shapes: readonly Sdf[]): Sdf =>
  (x, y) =>
    shapes.reduce((d, shape) => Math.min(d, shape(x, y)), Infinity);

const subtract =
  (shape: Sdf, hole: Sdf): Sdf =>
  (x, y) =>
    Math.max(shape(x, y), -hole(x, y));

const dilate =
  (shape: Sdf, by: number): Sdf =>
  (x, y) =>
    shape(x, y) - by;

/** `shape` drawn in a frame whose origin is (cx, cy) on the canvas and whose unit is `scale`. */
const placed =
  (cx: number, cy: number, scale: number, shape: Sdf): Sdf =>
  (x, y) =>
    shape((x - cx) / scale, (y - cy) / scale) * scale;

// ---------------------------------------------------------------------------------------------
// Rasterising

/** Straight (not premultiplied) colour, each channel 0..1. */
export type Rgba = readonly [number, number, number, number];

interface Layer {
  readonly shape: Sdf;
  readonly paint: Rgba | ((x: number, y: number) => Rgba);
  /** A blurred edge of this half-width (canvas units) instead of a crisp one: for shadows. */
  readonly blur?: number;
}

function hex(value: string, alpha = 1): Rgba {
  const n = Number.parseInt(value.slice(1), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255, alpha];
}

/**
 * Paints the layers bottom to top into a size × size RGBA image (straight alpha, rows top to
 * bottom). Coverage is the signed distance at the pixel centre in pixels, clamped: a one-pixel
 * linear ramp across every edge, which is what makes small sizes look smooth.
 */
function rasterize(size: number, layers: readonly Layer[]): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / size;
      const y = (py + 0.5) / size;
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (const layer of layers) {
        const d = layer.shape(x, y);
        const blur = layer.blur;
        const coverage =
          blur === undefined
            ? Math.min(1, Math.max(0, 0.5 - d * size))
            : 1 - smoothstep(-blur, blur, d);
        if (coverage <= 0) continue;
        const paint = typeof layer.paint === 'function' ? layer.paint(x, y) : layer.paint;
        const sa = paint[3] * coverage;
        r = paint[0] * sa + r * (1 - sa);
        g = paint[1] * sa + g * (1 - sa);
        b = paint[2] * sa + b * (1 - sa);
        a = sa + a * (1 - sa);
      }
      const i = (py * size + px) * 4;
      const alpha = Math.round(a * 255);
      if (alpha === 0) continue;
      out[i] = Math.round(Math.min(1, r / a) * 255);
      out[i + 1] = Math.round(Math.min(1, g / a) * 255);
      out[i + 2] = Math.round(Math.min(1, b / a) * 255);
      out[i + 3] = alpha;
    }
  }
  return out;
}

function smoothstep(edge0: number, edge1: number, v: number): number {
  const t = Math.min(1, Math.max(0, (v - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
}

// ---------------------------------------------------------------------------------------------
// Drawings

/**
 * A contact: head and shoulders in a frame where the figure spans about -0.95..0.95 across and
 * -0.85..1 down, the shoulders a disc cap with rounded corners and a flat base.
 */
function contactFigure(): Sdf {
  const head = circle(0, -0.45, 0.4);
  const k = 0.12;
  const cap = cutDisk(0.95 - k, 0.05 + k);
  const shoulders: Sdf = (x, y) => cap(x, 1.05 - y) - k;
  return union(head, shoulders);
}

/** Two clockwise arrows on a circle of radius r: the "sync" around the contact. */
function syncArrows(r: number, w: number): Sdf {
  const degrees = Math.PI / 180;
  const sweep = 130 * degrees;
  const halfHead = w * 1.35;
  const tip = (w * 1.55) / r;
  const parts: Sdf[] = [];
  for (const from of [200 * degrees, 20 * degrees]) {
    const end = from + sweep;
    const [ux, uy] = [Math.cos(end), Math.sin(end)];
    parts.push(
      arc(0, 0, r, w, from, sweep),
      polygon([
        [(r - halfHead) * ux, (r - halfHead) * uy],
        [(r + halfHead) * ux, (r + halfHead) * uy],
        [r * Math.cos(end + tip), r * Math.sin(end + tip)],
      ]),
    );
  }
  return union(...parts);
}

/** `mac` follows Apple's grid (824 of 1024 with a drop shadow); `square` fills the canvas. */
export type AppIconVariant = 'mac' | 'square';

/** Below this many pixels the arrows would blur into the contact, so only the contact is drawn. */
const ARROWS_FROM_PX = 32;

/**
 * The app icon: a teal-to-blue rounded square with a white contact held by two sync arrows. Small
 * sizes leave the arrows out and draw the contact larger, which reads better at 16 and 24 px.
 */
export function renderAppIcon(size: number, variant: AppIconVariant): Uint8Array {
  const half = variant === 'mac' ? 412 / 1024 : 0.5 - 1 / 16;
  const radius = variant === 'mac' ? 185 / 1024 : half * 0.45;
  const body = roundedRect(0.5, 0.5, half, half, radius);
  const top = hex('#25b3a4');
  const bottom = hex('#1763c6');
  const gradient = (_x: number, y: number): Rgba => {
    const t = Math.min(1, Math.max(0, (y - (0.5 - half)) / (2 * half)));
    return [
      top[0] + (bottom[0] - top[0]) * t,
      top[1] + (bottom[1] - top[1]) * t,
      top[2] + (bottom[2] - top[2]) * t,
      1,
    ];
  };
  const white = hex('#ffffff');
  const glyph =
    size >= ARROWS_FROM_PX
      ? union(
          placed(0.5, 0.5, half, syncArrows(0.64, 0.11)),
          placed(0.5, 0.5 - 0.035 * half, 0.36 * half, contactFigure()),
        )
      : placed(0.5, 0.5 - 0.05 * half, 0.6 * half, contactFigure());
  const layers: Layer[] = [];
  if (variant === 'mac') {
    const shadow = roundedRect(0.5, 0.5 + 12 / 1024, half, half, radius);
    layers.push({ shape: shadow, paint: hex('#000000', 0.3), blur: 28 / 1024 });
  }
  layers.push({ shape: body, paint: gradient }, { shape: glyph, paint: white });
  return rasterize(size, layers);
}

/** Colours of a tray icon: the contact and each state's badge. */
export interface TrayPalette {
  readonly glyph: Rgba;
  readonly syncing: Rgba;
  readonly error: Rgba;
  readonly paused: Rgba;
}

/**
 * `light`: a dark glyph for a light taskbar; `dark`: a light glyph for a dark taskbar (Windows 11
 * palette: accent, critical and caution colours for each theme); `template`: black only, for
 * macOS to tint.
 */
export const TRAY_PALETTES = {
  light: {
    glyph: hex('#1b1b1b'),
    syncing: hex('#005fb8'),
    error: hex('#c42b1c'),
    paused: hex('#9d5d00'),
  },
  dark: {
    glyph: hex('#ffffff'),
    syncing: hex('#60cdff'),
    error: hex('#ff99a4'),
    paused: hex('#fce100'),
  },
  template: {
    glyph: hex('#000000'),
    syncing: hex('#000000'),
    error: hex('#000000'),
    paused: hex('#000000'),
  },
} as const satisfies Record<string, TrayPalette>;
export type TrayPaletteName = keyof typeof TRAY_PALETTES;

/** Offline dims the contact, so it reads as "not connected" even before the slash is seen. */
const OFFLINE_OPACITY = 0.55;

/**
 * A tray icon: the contact alone when idle; with a badge cut into its lower right corner for
 * syncing (a dot), error (a disc with an exclamation mark cut out) and paused (two bars); and
 * dimmed with a slash through it when offline. Every state has its own silhouette, so they stay
 * apart on a monochrome macOS menu bar and for colour-blind users.
 */
export function renderTrayIcon(state: TrayState, size: number, palette: TrayPalette): Uint8Array {
  const scale = 0.875 / 1.85;
  const figure = placed(0.5, 0.9375 - scale, scale, contactFigure());
  // Badge geometry sits on the 16 px grid (px16 = one pixel there), so the smallest Windows and
  // macOS sizes get crisp marks, and 32 px gets them twice as large.
  const px16 = 1 / 16;
  const [bx, by, br] = [12 * px16, 12 * px16, 4 * px16];
  const gap = px16;
  const notched = subtract(figure, circle(bx, by, br + gap));
  const layers: Layer[] = [];
  switch (state) {
    case 'idle':
      layers.push({ shape: figure, paint: palette.glyph });
      break;
    case 'syncing':
      layers.push(
        { shape: notched, paint: palette.glyph },
        { shape: circle(bx, by, 3 * px16), paint: palette.syncing },
      );
      break;
    case 'error': {
      const mark = union(
        roundedRect(bx, by - 1.5 * px16, px16, 1.5 * px16, 0.3 * px16),
        roundedRect(bx, by + 2 * px16, px16, px16, 0.3 * px16),
      );
      layers.push(
        { shape: notched, paint: palette.glyph },
        { shape: subtract(circle(bx, by, br), mark), paint: palette.error },
      );
      break;
    }
    case 'paused':
      layers.push(
        { shape: notched, paint: palette.glyph },
        {
          shape: union(
            roundedRect(bx - 2 * px16, by, px16, 3 * px16, 0.3 * px16),
            roundedRect(bx + 2 * px16, by, px16, 3 * px16, 0.3 * px16),
          ),
          paint: palette.paused,
        },
      );
      break;
    case 'offline': {
      const slash = capsule(0.14, 0.14, 0.86, 0.86, 0.095);
      const [r, g, b, a] = palette.glyph;
      layers.push(
        { shape: subtract(figure, dilate(slash, gap)), paint: [r, g, b, a * OFFLINE_OPACITY] },
        { shape: slash, paint: palette.glyph },
      );
      break;
    }
  }
  return rasterize(size, layers);
}

// ---------------------------------------------------------------------------------------------
// File formats

/**
 * PNG, RGBA 8 bit. Each row gets the filter with the smallest sum of absolute differences (the
 * usual heuristic). Deflate runs with the run-length strategy: its output depends only on zlib's
 * block and Huffman code, never on CPU-specific hash tricks, so every machine writes the same
 * bytes; runs are what the filtered rows of flat icons consist of anyway.
 */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  const candidate = Buffer.alloc(stride);
  for (let y = 0; y < size; y++) {
    const row = y * stride;
    let bestCost = Infinity;
    for (let filter = 0; filter <= 4; filter++) {
      let cost = 0;
      for (let i = 0; i < stride; i++) {
        const left = i >= 4 ? (rgba[row + i - 4] as number) : 0;
        const up = y > 0 ? (rgba[row - stride + i] as number) : 0;
        const upLeft = y > 0 && i >= 4 ? (rgba[row - stride + i - 4] as number) : 0;
        const byte = ((rgba[row + i] as number) - predict(filter, left, up, upLeft)) & 255;
        candidate[i] = byte;
        cost += byte < 128 ? byte : 256 - byte;
      }
      if (cost < bestCost) {
        bestCost = cost;
        raw[y * (stride + 1)] = filter;
        candidate.copy(raw, y * (stride + 1) + 1);
      }
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const idat = deflateSync(raw, { level: 9, strategy: constants.Z_RLE });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', idat),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The PNG filter predictors: none, sub, up, average, Paeth. */
function predict(filter: number, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    case 4:
      return paeth(left, up, upLeft);
    default:
      return 0;
  }
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** One square image of an icon container. */
export interface IconImage {
  readonly size: number;
  readonly rgba: Uint8Array;
}

/**
 * A Windows .ico. Images below 256 px are stored as 32-bit BMPs (bottom-up BGRA plus the 1-bit
 * mask), which every consumer reads, including NSIS and the Explorer of older Windows; the 256 px
 * image is a PNG, as Windows expects for that size.
 */
export function encodeIco(images: readonly IconImage[]): Buffer {
  const payloads = images.map(({ size, rgba }) =>
    size >= 256 ? encodePng(size, rgba) : bmp(size, rgba),
  );
  const directory = Buffer.alloc(6 + 16 * images.length);
  directory.writeUInt16LE(0, 0);
  directory.writeUInt16LE(1, 2);
  directory.writeUInt16LE(images.length, 4);
  let offset = directory.length;
  images.forEach(({ size }, index) => {
    const entry = 6 + 16 * index;
    const payload = payloads[index] as Buffer;
    directory.writeUInt8(size >= 256 ? 0 : size, entry);
    directory.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    directory.writeUInt16LE(1, entry + 4);
    directory.writeUInt16LE(32, entry + 6);
    directory.writeUInt32LE(payload.length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += payload.length;
  });
  return Buffer.concat([directory, ...payloads]);
}

function bmp(size: number, rgba: Uint8Array): Buffer {
  const maskStride = Math.ceil(size / 32) * 4;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8);
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(size * size * 4 + maskStride * size, 20);
  const pixels = Buffer.alloc(size * size * 4);
  const mask = Buffer.alloc(maskStride * size);
  for (let y = 0; y < size; y++) {
    const flipped = size - 1 - y;
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = (flipped * size + x) * 4;
      pixels[to] = rgba[from + 2] as number;
      pixels[to + 1] = rgba[from + 1] as number;
      pixels[to + 2] = rgba[from] as number;
      pixels[to + 3] = rgba[from + 3] as number;
      if (rgba[from + 3] === 0) {
        const bit = flipped * maskStride + (x >> 3);
        mask[bit] = (mask[bit] as number) | (0x80 >> (x & 7));
      }
    }
  }
  return Buffer.concat([header, pixels, mask]);
}

/** The PNG-based ICNS types of an .iconset: 16 to 512 pt at 1x and 2x. */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['ic11', 32],
  ['icp5', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
] as const;

/** A macOS .icns: the "icns" header, then one (type, length, PNG) entry per type. */
export function encodeIcns(pngOfSize: (size: number) => Buffer): Buffer {
  const entries = ICNS_TYPES.map(([type, size]) => {
    const png = pngOfSize(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(entries);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

// ---------------------------------------------------------------------------------------------
// The files

/** Sizes in the app's .ico: what Explorer, the taskbar and the Start menu ask for at 100–400 %. */
export const APP_ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
/** Sizes in each tray .ico: 16 px at 100 % scaling up to 32 px at 200 %. */
export const TRAY_ICO_SIZES = [16, 20, 24, 32] as const;
/** Point size of a tray icon on macOS (menu bar) and Linux (panels), drawn at 1x and 2x. */
const TRAY_POINTS = { darwin: 16, linux: 22 } as const;

/** A generated file: its path relative to `build/` and its bytes. */
export interface GeneratedFile {
  readonly path: string;
  readonly bytes: Buffer;
}

/** Every icon file, drawn and encoded; the tray file names come from main/desktop/tray/tray-icons.ts. */
export function generateIconFiles(): GeneratedFile[] {
  const cache = new Map<string, Uint8Array>();
  const drawn = (key: string, draw: () => Uint8Array): Uint8Array => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const image = draw();
    cache.set(key, image);
    return image;
  };
  const app = (size: number, variant: AppIconVariant): Uint8Array =>
    drawn(`app-${variant}-${size}`, () => renderAppIcon(size, variant));
  const tray = (state: TrayState, size: number, palette: TrayPaletteName): Uint8Array =>
    drawn(`tray-${state}-${palette}-${size}`, () =>
      renderTrayIcon(state, size, TRAY_PALETTES[palette]),
    );

  const files: GeneratedFile[] = [
    { path: 'icon.png', bytes: encodePng(1024, app(1024, 'square')) },
    {
      path: 'icon.ico',
      bytes: encodeIco(APP_ICO_SIZES.map((size) => ({ size, rgba: app(size, 'square') }))),
    },
    { path: 'icon.icns', bytes: encodeIcns((size) => encodePng(size, app(size, 'mac'))) },
  ];

  const seen = new Set<string>();
  for (const state of TRAY_STATES) {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      for (const darkTaskbar of [false, true]) {
        const palette: TrayPaletteName =
          platform === 'darwin' ? 'template' : darkTaskbar ? 'dark' : 'light';
        for (const { path, scaleFactor } of trayIconFiles(state, platform, darkTaskbar, 'tray')
          .images) {
          if (seen.has(path)) continue;
          seen.add(path);
          const bytes =
            platform === 'win32'
              ? encodeIco(
                  TRAY_ICO_SIZES.map((size) => ({ size, rgba: tray(state, size, palette) })),
                )
              : encodePng(
                  TRAY_POINTS[platform] * scaleFactor,
                  tray(state, TRAY_POINTS[platform] * scaleFactor, palette),
                );
          files.push({ path, bytes });
        }
      }
    }
  }
  return files;
}

/** Writes every icon file under `outDir` and returns their relative paths. */
export function writeIconFiles(outDir: string): string[] {
  return generateIconFiles().map(({ path, bytes }) => {
    const target = join(outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    return path;
  });
}

const invokedAsScript =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedAsScript) {
  const outDir = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'build'));
  const written = writeIconFiles(outDir);
  process.stdout.write(`Wrote ${written.length} icon files to ${outDir}\n`);
}
