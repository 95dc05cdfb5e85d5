/**
 * Bytes of a page from the city's former portal → text. Those pages were saved by FrontPage, Dreamweaver and Word
 * over fifteen years: some UTF-8, most Windows-1252 holding TCVN3 or VNI text, and their <meta charset> is often
 * wrong (a page converted to UTF-8 that still says iso-8859-1). The bytes are trusted over the declaration.
 */

export type HtmlEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'windows-1258';

export interface DecodedHtml {
  text: string;
  encoding: HtmlEncoding;
  warnings: string[];
}

const SINGLE_BYTE: readonly HtmlEncoding[] = ['windows-1252', 'windows-1258'];

/** The encoding a label names, as the WHATWG Encoding standard resolves it ("latin1" → windows-1252). */
function resolveLabel(label: string): string | undefined {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

/** The charset of <meta charset> or <meta http-equiv="Content-Type" content="…; charset=…"> near the start. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  return /<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)/i.exec(head)?.[1]?.toLowerCase();
}

function bom(bytes: Uint8Array): HtmlEncoding | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * Reads the bytes: a BOM decides; else valid UTF-8 is UTF-8; else UTF-8 with a few broken sequences among many good
 * ones stays UTF-8 (the broken letters become U+FFFD, which the importer reports); else the declared single-byte
 * charset, or Windows-1252.
 */
export function decodeHtmlBytes(bytes: Uint8Array): DecodedHtml {
  const warnings: string[] = [];
  const byBom = bom(bytes);
  if (byBom !== undefined) return { text: new TextDecoder(byBom).decode(bytes), encoding: byBom, warnings };

  const label = declaredCharset(bytes);
  const declared = label === undefined ? undefined : resolveLabel(label);
  if (label !== undefined && declared === undefined) warnings.push(`unknown declared charset "${label}"`);

  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (declared !== undefined && declared !== 'utf-8' && /\P{ASCII}/u.test(text)) {
      warnings.push(`declared charset "${label}" but the bytes are UTF-8: read as UTF-8`);
    }
    return { text, encoding: 'utf-8', warnings };
  } catch {
    // Not valid UTF-8: a damaged UTF-8 file, or a single-byte one.
  }
  const lossy = new TextDecoder('utf-8').decode(bytes);
  const broken = (lossy.match(/\uFFFD/g) ?? []).length;
  const good = (lossy.match(/[^\p{ASCII}\uFFFD]/gu) ?? []).length;
  if (good > broken) {
    warnings.push(`not valid UTF-8: ${broken} broken sequences read as U+FFFD`);
    return { text: lossy, encoding: 'utf-8', warnings };
  }
  const single = SINGLE_BYTE.find((e) => e === declared) ?? 'windows-1252';
  if (declared !== undefined && declared !== single) {
    warnings.push(`declared charset "${label}" but the bytes are not ${declared}: read as ${single}`);
  }
  return { text: new TextDecoder(single).decode(bytes), encoding: single, warnings };
}
