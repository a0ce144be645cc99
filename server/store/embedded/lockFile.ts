/**
 * Single-writer lock on a data directory: a LOCK file holding the owner's pid and host, created
 * exclusively. A lock left by a dead process on this host (kill -9, power loss) is taken over.
 */
import { readFileSync, realpathSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export class StoreLockedError extends Error {
  readonly code = 'STORE_LOCKED';
  constructor(
    readonly dataDir: string,
    readonly holder: { pid?: number; hostname?: string; startedAt?: string },
  ) {
    super(
      `data directory ${dataDir} is already in use by process ${holder.pid ?? '?'} on ${holder.hostname ?? '?'} (since ${holder.startedAt ?? '?'}); ` +
        `stop that process first. If it is certainly not running, delete ${join(dataDir, 'LOCK')}.`,
    );
    this.name = 'StoreLockedError';
  }
}

// Directories opened by this process: a second open in the same process is refused too.
const openInThisProcess = new Set<string>();

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock (or throws StoreLockedError); returns a release function and whether a stale lock was replaced. */
export function acquireDirectoryLock(dataDir: string): { release: () => void; staleHolder?: Record<string, unknown> } {
  const directory = realpathSync(dataDir);
  const path = join(directory, 'LOCK');
  if (openInThisProcess.has(directory))
    throw new StoreLockedError(directory, { pid: process.pid, hostname: hostname(), startedAt: 'earlier in this process' });
  const content = JSON.stringify({ pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() });
  let staleHolder: Record<string, unknown> | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, content, { flag: 'wx' });
      openInThisProcess.add(directory);
      return {
        staleHolder,
        release: () => {
          openInThisProcess.delete(directory);
          try {
            unlinkSync(path);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid?: number; hostname?: string; startedAt?: string } = {};
      try {
        holder = JSON.parse(readFileSync(path, 'utf8')) as typeof holder;
      } catch {
        // Unreadable lock (crash while writing it): treated as stale below.
      }
      const isOtherHost = holder.hostname !== undefined && holder.hostname !== hostname();
      const isLive = typeof holder.pid === 'number' && holder.pid !== process.pid && isProcessAlive(holder.pid);
      if (isOtherHost || isLive) throw new StoreLockedError(directory, holder);
      staleHolder = holder;
      unlinkSync(path);
    }
  }
  throw new StoreLockedError(directory, {});
}
