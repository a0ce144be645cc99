/**
 * Append-only log writer with group commit: every record appended while a flush is running
 * (or within the same tick) is written and fdatasync'ed together, and each append's promise
 * resolves only after the fsync that covers it. A rotation (compaction) switches the target file
 * at an exact record boundary: records appended before it go to the old file, later ones to the new.
 */
import type { FileHandle } from 'node:fs/promises';
import { encodeRecord } from './recordFile';

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

interface Group {
  handle: FileHandle;
  buffers: Buffer[];
  waiters: Waiter[];
}

export class LogWriter {
  private readonly groups: Group[] = [];
  private isFlushing = false;
  private failure: Error | undefined;
  private idleWaiters: Array<() => void> = [];
  /** The newest append's promise (groups are flushed in order, so it settles after every earlier one). */
  private newest: Promise<void> | undefined;
  /** Bytes in the current log file (header included). */
  bytes: number;
  fsyncCount = 0;

  constructor(
    private handle: FileHandle,
    initialBytes: number,
    private readonly onFlushed: () => void,
  ) {
    this.bytes = initialBytes;
  }

  get failed(): Error | undefined {
    return this.failure;
  }

  /** Queues one record; resolves once it is on stable storage. */
  append(payload: Buffer): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const record = encodeRecord(payload);
    let group = this.groups[this.groups.length - 1];
    if (!group || group.handle !== this.handle) {
      group = { handle: this.handle, buffers: [], waiters: [] };
      this.groups.push(group);
    }
    group.buffers.push(record);
    this.bytes += record.length;
    const promise = new Promise<void>((resolve, reject) => group.waiters.push({ resolve, reject }));
    this.newest = promise;
    if (!this.isFlushing) {
      this.isFlushing = true;
      // setImmediate lets every write issued in this tick join the same fsync.
      setImmediate(() => void this.flushLoop());
    }
    return promise;
  }

  /** Sends later appends to `next`; returns the previous handle (close it after `drain`). */
  rotate(next: FileHandle, nextBytes: number): FileHandle {
    const previous = this.handle;
    this.handle = next;
    this.bytes = nextBytes;
    return previous;
  }

  /** Resolves when everything appended so far is durable (or failed). */
  drain(): Promise<void> {
    if (!this.isFlushing) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Resolves when every record appended so far is durable, rejects if one failed (unlike `drain`, records appended
   * later are not waited for, so a steady stream of writes cannot hold it back).
   */
  async flushed(): Promise<void> {
    await this.newest;
  }

  /** Flushes what is queued and closes the current file. */
  async close(): Promise<void> {
    await this.drain();
    await this.handle.close();
  }

  private async flushLoop(): Promise<void> {
    while (this.groups.length > 0) {
      const group = this.groups.shift() as Group;
      try {
        if (this.failure) throw this.failure;
        const [only] = group.buffers;
        const data = group.buffers.length === 1 && only !== undefined ? only : Buffer.concat(group.buffers);
        let written = 0;
        while (written < data.length) {
          const { bytesWritten } = await group.handle.write(data, written, data.length - written);
          written += bytesWritten;
        }
        await group.handle.datasync();
        this.fsyncCount += 1;
        for (const waiter of group.waiters) waiter.resolve();
      } catch (error) {
        // After a failed write or fsync the file's durable content is unknown: refuse all further writes.
        this.failure ??= new Error(`store log write failed, the store is now read-only until restart: ${(error as Error).message}`);
        for (const waiter of group.waiters) waiter.reject(this.failure);
      }
    }
    this.isFlushing = false;
    const idle = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of idle) resolve();
    this.onFlushed();
  }
}
