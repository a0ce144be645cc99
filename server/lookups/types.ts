/** Stored shape of a lookup table: reference data mappings read with `$lookup(table, key, default?)`. */

export interface LookupTableDocument {
  /** The table's name, as mappings write it in `$lookup('<name>', …)`. */
  _id: string;
  description: string;
  /** Source code → canonical value (usually a string; any JSON value is allowed). */
  entries: Record<string, unknown>;
  /** Increments on every change; `PUT` may send it to refuse stale writes. */
  revision: number;
  contentHash: string;
  origin: 'api' | 'files';
  updatedAt: string;
  updatedBy: { keyId: string; name: string; role: string };
  createdAt: string;
  /** Hash of the file content seen at the last start-up (mappings as code). */
  fileHash?: string;
  [key: string]: unknown;
}

/** Names mappings can reference and files can carry: letters, digits, `_`, `-`, `.`. */
export const LOOKUP_NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$';
