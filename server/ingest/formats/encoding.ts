/** Text decoding for the encodings sources send (WHATWG TextDecoder: the same in Node and browsers). */
import { FormatError, type TextEncoding } from './types';

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
        throw new FormatError('INVALID_ENCODING', `The text is not valid ${encoding.toUpperCase()} (in the bytes ${offset}–${offset + bytes.length}); set the source's encoding.`);
      }
    },
  };
}

/** Decodes a whole body. */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding = 'utf-8'): string {
  return createTextDecoder(encoding).decode(bytes, true);
}
