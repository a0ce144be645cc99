/**
 * Uploaded files are kept as ordered text chunks, written as soon as the request body has delivered
 * their bytes, so a file is never held whole in this process's memory. With MongoDB the chunks are
 * documents (`uploadChunks`), so whichever stateless server claims the job can read them. The embedded
 * store keeps every document in memory, so there the chunks are files under `<data dir>/uploads/`
 * instead (one process owns that directory; each file is fsynced before the job is queued).
 * Text is decoded as UTF-8 while streaming (a character split across network packets is completed
 * in the next chunk); bytes that are not UTF-8 fail the upload with 400 INVALID_UTF8.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { PayloadTooLargeError } from '../errors';
import { InvalidUtf8Error } from '../http/body';
import type { AppServices } from '../services';
import { createTextDecoder } from './formats/encoding';
import { FormatError, type TextEncoding } from './formats/types';
import { AppError } from '../errors';
import { UPLOAD_CHUNKS } from './collections';

/** Bytes of upload per stored chunk. */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;
/**
 * On MongoDB a TTL index removes upload chunks this long after they were written, so the chunks of an
 * upload whose request or job died are not kept for ever (a job still running after 7 days fails
 * with "missing chunk"). The embedded store's upload directories are removed by the job or on failure.
 */
export const UPLOAD_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** The largest file an upload job accepts. */
export const MAX_UPLOAD_BYTES = 4 * 1024 * 1024 * 1024;

interface UploadChunkDocument {
  _id: string;
  uploadId: string;
  seq: number;
  text: string;
  /** When MongoDB's TTL index removes the chunk. */
  expireAt: Date;
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
  /** Records counted by the format's counter (HL7 messages, X12 item loops), when it has one. */
  units?: number;
}

type UploadServices = Pick<AppServices, 'store'> & { config?: Pick<AppServices['config'], 'dataDir'> };

/** Where an upload's chunks are kept. */
interface ChunkStorage {
  write(uploadId: string, seq: number, text: string): Promise<void>;
  read(uploadId: string, seq: number): Promise<string>;
  remove(uploadId: string): Promise<void>;
}

const seqName = (seq: number): string => String(seq).padStart(9, '0');

function collectionStorage(services: Pick<AppServices, 'store'>): ChunkStorage {
  const chunks = () => services.store.collection<UploadChunkDocument>(UPLOAD_CHUNKS);
  return {
    write: async (uploadId, seq, text) => {
      await chunks().insertOne({
        _id: `${uploadId}:${seqName(seq)}`,
        uploadId,
        seq,
        text,
        expireAt: new Date(Date.now() + UPLOAD_RETENTION_MS),
      });
    },
    read: async (uploadId, seq) => {
      const chunk = await chunks().findOne({ uploadId, seq });
      if (!chunk) throw new Error(`upload ${uploadId} is missing chunk ${seq}`);
      return chunk.text;
    },
    remove: async (uploadId) => {
      await chunks().deleteMany({ uploadId });
    },
  };
}

function directoryStorage(root: string): ChunkStorage {
  const directoryOf = (uploadId: string): string => {
    if (!/^upl_[0-9a-f-]+$/.test(uploadId)) throw new Error(`not an upload id: ${uploadId}`);
    return path.join(root, uploadId);
  };
  return {
    write: async (uploadId, seq, text) => {
      const directory = directoryOf(uploadId);
      await mkdir(directory, { recursive: true });
      const file = await open(path.join(directory, `${seqName(seq)}.txt`), 'wx');
      try {
        await file.writeFile(text, 'utf8');
        // The job that reads this chunk after a restart is queued only once every chunk is on disk.
        await file.sync();
      } finally {
        await file.close();
      }
    },
    read: async (uploadId, seq) => readFile(path.join(directoryOf(uploadId), `${seqName(seq)}.txt`), 'utf8'),
    remove: async (uploadId) => rm(directoryOf(uploadId), { recursive: true, force: true }),
  };
}

function storageOf(services: UploadServices): ChunkStorage {
  if (services.store.kind === 'embedded' && services.config?.dataDir)
    return directoryStorage(path.join(services.config.dataDir, 'uploads'));
  return collectionStorage(services);
}

function countLines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}

/** Streams `body` into the store chunk by chunk; on any failure the partial upload is removed. */
export async function storeUpload(
  services: UploadServices,
  input: {
    body: AsyncIterable<Buffer>;
    limit?: number;
    chunkBytes?: number;
    /** Checks the text of the first stored chunk (e.g. a CSV header) before the rest is read; throws to refuse the file. */
    checkHead?: (text: string) => void;
    /** The file's encoding (default UTF-8); the chunks are stored as decoded text. */
    encoding?: TextEncoding;
    /** Counts records in a chunk of text, for formats where lines are not records. */
    countUnits?: (text: string) => number;
  },
): Promise<StoredUpload> {
  const limit = input.limit ?? MAX_UPLOAD_BYTES;
  const chunkBytes = input.chunkBytes ?? UPLOAD_CHUNK_BYTES;
  const uploadId = `upl_${randomUUID()}`;
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const other = input.encoding && input.encoding !== 'utf-8' ? createTextDecoder(input.encoding) : null;
  const decode = (bytes: Buffer, isLast: boolean): string => {
    if (other) {
      try {
        return other.decode(bytes, isLast);
      } catch (error) {
        if (error instanceof FormatError) throw new AppError(400, error.code, `The uploaded file: ${error.message}`);
        throw error;
      }
    }
    try {
      return utf8.decode(bytes, { stream: !isLast });
    } catch {
      throw new InvalidUtf8Error('uploaded file');
    }
  };
  const storage = storageOf(services);
  const upload: StoredUpload = {
    uploadId,
    chunks: 0,
    bytes: 0,
    lines: 0,
    hasUnterminatedLastLine: false,
    ...(input.countUnits ? { units: 0 } : {}),
  };
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let lastText = '';
  const write = async (text: string): Promise<void> => {
    if (text === '') return;
    if (upload.chunks === 0) input.checkHead?.(text);
    await storage.write(uploadId, upload.chunks, text);
    upload.chunks += 1;
    upload.lines += countLines(text);
    if (input.countUnits) upload.units = (upload.units ?? 0) + input.countUnits(text);
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
export async function* readUploadChunks(services: UploadServices, input: { uploadId: string; chunks: number }): AsyncGenerator<string> {
  const storage = storageOf(services);
  for (let seq = 0; seq < input.chunks; seq++) yield await storage.read(input.uploadId, seq);
}

/** Removes an upload's chunks (after its job finished, or when the upload failed). */
export async function deleteUpload(services: UploadServices, uploadId: string): Promise<void> {
  await storageOf(services).remove(uploadId);
}
