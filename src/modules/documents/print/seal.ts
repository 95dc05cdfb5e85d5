// The image of an agency's seal for the digital signature on a document (Decree 30/2020 Appendix I: the seal in red,
// at its real size, as a PNG with a transparent background): two red rings, the agency's name (and its parent's)
// around the circle and a star in the centre. It is drawn as SVG and rendered by sharp. The letters are turned into
// outlines here, from the Tinos font file, with fontkit (the font engine pdfkit itself uses, declared as our
// dependency at the version pdfkit brings): sharp's SVG renderer would otherwise pick whatever fonts the server has installed,
// and Vietnamese letters would come out in another face or not at all.
import { createRequire } from 'node:module';
import sharp from 'sharp';

interface Glyph {
  id: number;
  advanceWidth: number;
  path: { toSVG(): string };
}
interface Font {
  unitsPerEm: number;
  glyphForCodePoint(codePoint: number): Glyph;
}

const require = createRequire(import.meta.url);
const BOLD = require.resolve('@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf');
let font: Font | undefined;
function tinosBold(): Font {
  font ??= (require('fontkit') as { openSync(path: string): Font }).openSync(BOLD);
  return font;
}

export const SEAL_PX = 600;
export const SEAL_RED = '#d7261e';

/** A five-pointed star centred on (cx, cy), `r` to its points. */
function star(cx: number, cy: number, r: number): string {
  const pts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const a = (Math.PI / 5) * i - Math.PI / 2;
    const rr = i % 2 === 0 ? r : r * 0.382;
    pts.push(`${(cx + rr * Math.cos(a)).toFixed(1)},${(cy + rr * Math.sin(a)).toFixed(1)}`);
  }
  return `<polygon points="${pts.join(' ')}"/>`;
}

/**
 * The letters of `text` as outlines standing on a circle of radius `r` around (c, c), read clockwise and centred
 * on the top, within `arc` radians; the size shrinks (down to `minSize`, then the letters narrow) to fit.
 */
function ringText(text: string, c: number, r: number, arc: number, maxSize: number, minSize: number): string {
  const f = tinosBold();
  const glyphs = [...text.normalize('NFC')].map((ch) => f.glyphForCodePoint(ch.codePointAt(0) ?? 32));
  const units = glyphs.reduce((sum, g) => sum + g.advanceWidth, 0);
  const length = arc * r;
  const size = Math.max(minSize, Math.min(maxSize, (length / units) * f.unitsPerEm * 0.92));
  const scale = size / f.unitsPerEm;
  const squeeze = Math.min(1, length / (units * scale));
  // Letters are spaced out to fill the arc, as on a real seal.
  const spacing = Math.max(0, (length - units * scale * squeeze) / glyphs.length);
  let s = -(units * scale * squeeze + spacing * glyphs.length) / 2;
  const paths: string[] = [];
  for (const g of glyphs) {
    const adv = g.advanceWidth * scale * squeeze + spacing;
    const angle = ((s + adv / 2) / r) * (180 / Math.PI);
    const d = g.path.toSVG();
    if (d) {
      const x0 = (-g.advanceWidth / 2).toFixed(1);
      paths.push(`<path transform="translate(${c},${c}) rotate(${angle.toFixed(2)}) translate(0,${-r}) scale(${(scale * squeeze).toFixed(5)},${(-scale).toFixed(5)}) translate(${x0},0)" d="${d}"/>`);
    }
    s += adv;
  }
  return paths.join('');
}

/** The seal as a transparent PNG, SEAL_PX square: print it 36–40 mm wide. */
export async function sealPng(agencyName: string, parentName?: string): Promise<Buffer> {
  const c = SEAL_PX / 2;
  const text = [agencyName, parentName].filter((t): t is string => Boolean(t?.trim())).map((t) => t.trim().toUpperCase()).join(' - ');
  // The ring text leaves a gap at the bottom for a small star.
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SEAL_PX}" height="${SEAL_PX}" viewBox="0 0 ${SEAL_PX} ${SEAL_PX}">`,
    `<g fill="none" stroke="${SEAL_RED}"><circle cx="${c}" cy="${c}" r="${c - 10}" stroke-width="12"/><circle cx="${c}" cy="${c}" r="${c - 88}" stroke-width="5"/></g>`,
    `<g fill="${SEAL_RED}">`,
    ringText(text, c, c - 80, Math.PI * 2 * 0.86, 46, 26),
    star(c, c + c - 50, 18),
    star(c, c, 70),
    '</g></svg>',
  ].join('');
  return sharp(Buffer.from(svg)).png().toBuffer();
}
