/**
 * Bytes -> text: BOMs, HTML <meta charset>, strict UTF-8 with a windows-1252 fallback,
 * and a binary sniff so images or archives passed by mistake are reported, not analysed.
 */
import iconv from 'iconv-lite';

/** A control-character share above this (outside \t\r\n\f) marks a file as binary. Example: a PNG header. */
const BINARY_CONTROL_RATIO = 0.1;
/** Bytes looked at for the binary sniff and the HTML charset. */
const SNIFF_BYTES = 8192;
/** `<meta charset="iso-8859-1">` or `<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">`. */
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i;

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

export type Bom = 'utf-8' | 'utf-16le' | 'utf-16be' | null;

/** The byte-order mark at the start of a buffer, if any. @example bomOf(Buffer.from([0xef,0xbb,0xbf])) // 'utf-8' */
export function bomOf(buf: Uint8Array): Bom {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return null;
}

/** True when the bytes look binary (NUL bytes or many control characters). UTF-16 with a BOM is not binary. @example looksBinary(Buffer.from('hi')) // false */
export function looksBinary(buf: Uint8Array): boolean {
  if (bomOf(buf)?.startsWith('utf-16')) return false;
  const n = Math.min(buf.length, SNIFF_BYTES);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return control / n > BINARY_CONTROL_RATIO;
}

/**
 * Decode bytes to a string. `html` enables the `<meta charset>` sniff.
 * @example decodeBytes(Buffer.from([0x63, 0x61, 0x66, 0xe9])) // 'café' (windows-1252 fallback)
 */
export function decodeBytes(buf: Uint8Array, opts: { html?: boolean } = {}): { text: string; encoding: string } {
  const bom = bomOf(buf);
  if (bom === 'utf-8') return { text: Buffer.from(buf.subarray(3)).toString('utf8'), encoding: 'utf-8' };
  if (bom === 'utf-16le') return { text: iconv.decode(Buffer.from(buf.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  if (bom === 'utf-16be') return { text: iconv.decode(Buffer.from(buf.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  if (opts.html) {
    const head = Buffer.from(buf.subarray(0, SNIFF_BYTES)).toString('latin1');
    const m = META_CHARSET.exec(head);
    const cs = m?.[1]?.toLowerCase();
    if (cs && cs !== 'utf-8' && cs !== 'utf8' && iconv.encodingExists(cs)) {
      // A page declaring latin-1 but actually sent as UTF-8 is common; trust valid UTF-8 with multibyte sequences first.
      const asUtf8 = tryUtf8(buf);
      if (asUtf8 !== null && hasNonAscii(buf)) return { text: asUtf8, encoding: 'utf-8' };
      // Browsers treat iso-8859-1 as windows-1252 (WHATWG encoding spec).
      const enc = cs === 'iso-8859-1' || cs === 'latin1' || cs === 'us-ascii' ? 'windows-1252' : cs;
      return { text: iconv.decode(Buffer.from(buf), enc), encoding: enc };
    }
  }
  const utf8 = tryUtf8(buf);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  return { text: iconv.decode(Buffer.from(buf), 'windows-1252'), encoding: 'windows-1252' };
}

function tryUtf8(buf: Uint8Array): string | null {
  try {
    return utf8Strict.decode(buf);
  } catch {
    return null;
  }
}

function hasNonAscii(buf: Uint8Array): boolean {
  for (let i = 0; i < buf.length; i++) if (buf[i]! > 127) return true;
  return false;
}
