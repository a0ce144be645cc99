/**
 * Record files read in chunks (server/store/embedded/recordFile.ts): a scan reuses one read buffer, so every payload
 * must be right while its callback runs — across chunk boundaries, for a record longer than a chunk, and before a
 * torn tail.
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeHeader, encodeRecord, scanRecordFile } from '../../server/store/embedded/recordFile';

const MAGIC = 'MDMTEST1';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Payload `n` of `bytes` bytes: its number, then a byte pattern that differs per record. */
function payload(n: number, bytes: number): Buffer {
  const buffer = Buffer.alloc(bytes, 97 + (n % 26));
  buffer.write(`#${n}#`, 0, 'latin1');
  return buffer;
}

/** ~55 MiB: records that straddle the 16 MiB chunks before and after one of 17 MiB (longer than a chunk). */
function recordFile(): { path: string; sizes: number[] } {
  const dir = mkdtempSync(join(tmpdir(), 'mdm-record-file-'));
  dirs.push(dir);
  const small = (count: number, from: number): number[] => Array.from({ length: count }, (_, n) => from + n * 7);
  const sizes = [...small(30, 700_001), 17 * 1024 * 1024 + 5, ...small(30, 650_003)];
  const path = join(dir, 'file.mdb');
  writeFileSync(path, Buffer.concat([encodeHeader(MAGIC, 3), ...sizes.map((bytes, n) => encodeRecord(payload(n, bytes)))]));
  return { path, sizes };
}

describe('record file scans', () => {
  it('hands every payload over intact while its callback runs, with the read buffer reused', () => {
    const { path, sizes } = recordFile();
    const seen: number[] = [];
    const scan = scanRecordFile({
      path,
      magic: MAGIC,
      onRecord: (bytes) => {
        const n = seen.length;
        expect(bytes.equals(payload(n, sizes[n] ?? -1)), `record ${n}`).toBe(true);
        seen.push(bytes.length);
      },
    });
    expect(seen).toEqual(sizes);
    expect(scan).toMatchObject({ generation: 3, records: sizes.length });
    expect(scan.bad).toBeUndefined();
  });

  it('reads the records before a torn tail and reports the tail', () => {
    const { path, sizes } = recordFile();
    const whole = 16 + sizes.reduce((sum, bytes) => sum + 8 + bytes, 0);
    truncateSync(path, whole - 500_000);
    let count = 0;
    const scan = scanRecordFile({
      path,
      magic: MAGIC,
      onRecord: (bytes) => {
        expect(bytes.equals(payload(count, sizes[count] ?? -1)), `record ${count}`).toBe(true);
        count += 1;
      },
    });
    expect(count).toBe(sizes.length - 1);
    expect(scan.bad).toMatchObject({ offset: whole - 8 - (sizes.at(-1) ?? 0), isMidFile: false, partialRecords: 1 });
  });
});
