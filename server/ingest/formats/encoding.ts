/**
 * Text decoding for the encodings sources send. UTF-8 and UTF-16 use the WHATWG TextDecoder (the same
 * in Node and browsers); the single-byte encodings are decoded here by table, because Node 20's
 * TextDecoder('windows-1252') drops the bytes 0x80–0x9F (€, curly quotes, ™) instead of mapping them.
 */
import { FormatError, type TextEncoding } from './types';

/** Windows-1252 code points of the bytes 0x80–0x9F (the five undefined bytes map to their C1 control, as WHATWG does). */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeSingleByte(bytes: Uint8Array, encoding: 'windows-1252' | 'iso-8859-1'): string {
  let text = '';
  const step = 8192;
  for (let start = 0; start < bytes.length; start += step) {
    const codes = Array.from(bytes.subarray(start, start + step), (byte) =>
      encoding === 'windows-1252' && byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_HIGH[byte - 0x80] ?? byte) : byte,
    );
    text += String.fromCharCode(...codes);
  }
  return text;
}

function labelOf(encoding: TextEncoding, head: Uint8Array): string {
  if (encoding !== 'utf-16') return encoding;
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  throw new FormatError('INVALID_ENCODING', 'UTF-16 text must start with a byte-order mark (FF FE or FE FF).');
}

/**
 * A streaming decoder for `encoding`: feed byte chunks in order (a character split between chunks is
 * completed by the next one); invalid UTF-8/UTF-16 fails with INVALID_ENCODING naming the byte offset.
 * A UTF-8 byte-order mark is kept (the CSV reader drops it), a UTF-16 one is consumed.
 */
export function createTextDecoder(encoding: TextEncoding = 'utf-8'): { decode(bytes: Uint8Array, isLast: boolean): string } {
  if (encoding === 'windows-1252' || encoding === 'iso-8859-1') return { decode: (bytes) => decodeSingleByte(bytes, encoding) };
  let decoder: TextDecoder | null = null;
  let offset = 0;
  return {
    decode(bytes, isLast) {
      decoder ??= new TextDecoder(labelOf(encoding, bytes), { fatal: true, ignoreBOM: encoding === 'utf-8' });
      try {
        const text = decoder.decode(bytes, { stream: !isLast });
        offset += bytes.length;
        return text;
      } catch {
        throw new FormatError(
          'INVALID_ENCODING',
          `The text is not valid ${encoding.toUpperCase()} (in the bytes ${offset}–${offset + bytes.length}); set the source's encoding.`,
        );
      }
    },
  };
}

/** Decodes a whole body. */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding = 'utf-8'): string {
  return createTextDecoder(encoding).decode(bytes, true);
}
