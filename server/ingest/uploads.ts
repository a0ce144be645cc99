/**
 * Uploaded files live in the store as ordered text chunks (`uploadChunks`), not in local temp files,
 * so whichever stateless server claims the job can read them. Each chunk is written as soon as the
 * request body has delivered its bytes, so a file is never held whole in this process's memory.
 * Text is decoded as UTF-8 while streaming (a character split across network packets is completed
 * in the next chunk); bytes that are not UTF-8 fail the upload with 400 INVALID_UTF8.
 */
import { randomUUID } from 'node:crypto';
import { PayloadTooLargeError } from '../errors';
import { InvalidUtf8Error } from '../http/body';
import type { AppServices } from '../services';
import { UPLOAD_CHUNKS } from './collections';

/** Bytes of upload per stored chunk. */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;
/** The largest file an upload job accepts. */
export const MAX_UPLOAD_BYTES = 4 * 1024 * 1024 * 1024;

interface UploadChunkDocument {
  _id: string;
  uploadId: string;
  seq: number;
  text: string;
  [key: string]: unknown;
}

export interface StoredUpload {
  uploadId: string;
  chunks: number;
  bytes: number;
  /** Line breaks in the file: an estimate of its records for progress and ETA. */
  lines: number;
  /** Whether the last line ends without a line break (it still holds a record). */
  hasUnterminatedLastLine: boolean;
}

function chunks(services: Pick<AppServices, 'store'>) {
  return services.store.collection<UploadChunkDocument>(UPLOAD_CHUNKS);
}

function countLines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}

/** Streams `body` into the store chunk by chunk; on any failure the partial upload is removed. */
export async function storeUpload(
  services: Pick<AppServices, 'store'>,
  input: {
    body: AsyncIterable<Buffer>;
    limit?: number;
    chunkBytes?: number;
    /** Checks the text of the first stored chunk (e.g. a CSV header) before the rest is read; throws to refuse the file. */
    checkHead?: (text: string) => void;
  },
): Promise<StoredUpload> {
  const limit = input.limit ?? MAX_UPLOAD_BYTES;
  const chunkBytes = input.chunkBytes ?? UPLOAD_CHUNK_BYTES;
  const uploadId = `upl_${randomUUID()}`;
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const decode = (bytes: Buffer, isLast: boolean): string => {
    try {
      return utf8.decode(bytes, { stream: !isLast });
    } catch {
      throw new InvalidUtf8Error('uploaded file');
    }
  };
  const upload: StoredUpload = { uploadId, chunks: 0, bytes: 0, lines: 0, hasUnterminatedLastLine: false };
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let lastText = '';
  const write = async (text: string): Promise<void> => {
    if (text === '') return;
    if (upload.chunks === 0) input.checkHead?.(text);
    await chunks(services).insertOne({ _id: `${uploadId}:${String(upload.chunks).padStart(9, '0')}`, uploadId, seq: upload.chunks, text });
    upload.chunks += 1;
    upload.lines += countLines(text);
    lastText = text;
  };
  try {
    for await (const buffer of input.body) {
      upload.bytes += buffer.length;
      if (upload.bytes > limit) throw new PayloadTooLargeError(limit);
      pending.push(buffer);
      pendingBytes += buffer.length;
      if (pendingBytes >= chunkBytes) {
        await write(decode(Buffer.concat(pending, pendingBytes), false));
        pending = [];
        pendingBytes = 0;
      }
    }
    await write(decode(Buffer.concat(pending, pendingBytes), true));
    upload.hasUnterminatedLastLine = lastText !== '' && !lastText.endsWith('\n');
    return upload;
  } catch (error) {
    await deleteUpload(services, uploadId);
    throw error;
  }
}

/** The upload's text, chunk by chunk in order; only one chunk is in memory at a time. */
export async function* readUploadChunks(services: Pick<AppServices, 'store'>, input: { uploadId: string; chunks: number }): AsyncGenerator<string> {
  for (let seq = 0; seq < input.chunks; seq++) {
    const chunk = await chunks(services).findOne({ uploadId: input.uploadId, seq });
    if (!chunk) throw new Error(`upload ${input.uploadId} is missing chunk ${seq}`);
    yield chunk.text;
  }
}

/** Removes an upload's chunks (after its job finished, or when the upload failed). */
export async function deleteUpload(services: Pick<AppServices, 'store'>, uploadId: string): Promise<void> {
  await chunks(services).deleteMany({ uploadId });
}
