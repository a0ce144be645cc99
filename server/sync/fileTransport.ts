/**
 * File drops: for systems that load files, a subscription writes its messages in batches, one file
 * per batch, into a directory inside one of the server's allow-listed directories (MDM_SYNC_FILE_DIRS).
 *
 * - **Atomic**: each file is written under a hidden temporary name in the same directory, flushed to
 *   disk and renamed, so a loader never sees half a file (rename is atomic within one file system).
 * - **Sequenced**: the name carries the batch number and the change cursors it covers
 *   (`<prefix>-b00000042-c103-c117-n15.ndjson`), so files sort in the order they were written.
 * - **Idempotent on retry**: a batch's members and file name are fixed before the first write, so a retry
 *   (or a restart after a crash between the rename and marking the messages delivered) writes the same
 *   name with the same content again.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, realpath, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { writeMessage } from './contentTypes';
import type { DeliveryDocument, DeliveryWithBody, FileTransport } from './types';

/** The default number of messages per file. */
export const DEFAULT_MAX_BATCH = 500;

function isInside(directory: string, root: string): boolean {
  const relative = path.relative(root, directory);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Why `directory` may not receive files (null when it may): it must resolve inside an allow-listed directory. */
export function fileDirectoryProblem(directory: string, allowed: string[]): string | null {
  if (!path.isAbsolute(directory)) return `"${directory}" is not an absolute path`;
  if (allowed.length === 0) return 'file drops are off on this server: no directory is allow-listed (MDM_SYNC_FILE_DIRS)';
  const resolved = path.resolve(directory);
  if (!allowed.some((root) => isInside(resolved, root)))
    return `"${directory}" is not inside an allow-listed directory (MDM_SYNC_FILE_DIRS: ${allowed.join(', ')})`;
  return null;
}

/** Checked again at each write with symbolic links resolved, so a link inside an allowed directory cannot lead out of it. */
async function checkedDirectory(directory: string, allowed: string[]): Promise<string> {
  const problem = fileDirectoryProblem(directory, allowed);
  if (problem) throw new Error(problem);
  await mkdir(directory, { recursive: true });
  const real = await realpath(directory);
  const realRoots = await Promise.all(allowed.map((root) => realpath(root).catch(() => root)));
  if (!realRoots.some((root) => isInside(real, root)))
    throw new Error(`"${directory}" leads outside the allow-listed directories (symbolic link to ${real})`);
  return real;
}

/** The file name of a batch: prefix, batch number, first and last change cursor, message count. */
export function batchFileName(input: {
  transport: FileTransport;
  prefix: string;
  number: number;
  deliveries: Array<Pick<DeliveryDocument, 'changeId'>>;
}): string {
  const cursors = input.deliveries.map((d) => d.changeId.replace(/^0+(?=.)/, ''));
  const extension = input.transport.format === 'csv' ? 'csv' : 'ndjson';
  return `${input.transport.filePrefix ?? input.prefix}-b${String(input.number).padStart(8, '0')}-c${cursors[0]}-c${cursors[cursors.length - 1]}-n${cursors.length}.${extension}`;
}

/**
 * The bytes of a batch. ndjson: one line per message, `{ id, goldenId, domain, version, event, contentType,
 * message }` (`message` is the JSON message itself, or the text of a csv/xml/hl7v2 one). csv: the rows of every
 * message (a csv outbound mapping), header = union of columns.
 */
export function batchFileContent(format: FileTransport['format'], deliveries: DeliveryWithBody[]): string {
  if (format === 'csv') {
    const rows = deliveries.flatMap((d) => parse(d.body, { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>);
    return writeMessage('csv', rows);
  }
  return deliveries
    .map((d) => {
      const isJson = (d.contentType ?? 'application/json').startsWith('application/json');
      const message: unknown = isJson ? JSON.parse(d.body) : d.body;
      return `${JSON.stringify({ id: d._id, goldenId: d.goldenId, domain: d.domain, version: d.version, event: d.event, ...(d.correlationId ? { correlationId: d.correlationId } : {}), contentType: d.contentType, message })}\n`;
    })
    .join('');
}

/** Writes `content` as `<directory>/<name>` atomically (temporary file, fsync, rename); returns the final path. */
export async function writeBatchFile(input: { directory: string; allowed: string[]; name: string; content: string }): Promise<string> {
  const directory = await checkedDirectory(input.directory, input.allowed);
  const target = path.join(directory, input.name);
  const temporary = path.join(directory, `.${input.name}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx', 0o640);
    try {
      await handle.writeFile(input.content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return target;
}
