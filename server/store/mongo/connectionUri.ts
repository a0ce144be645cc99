/**
 * What the application requires of `MONGODB_URI`: a parseable connection string that names the
 * database (without one the driver silently uses `test`). Naming rules:
 * https://www.mongodb.com/docs/manual/reference/limits/#naming-restrictions
 */
import { ConnectionString } from 'mongodb-connection-string-url';

/** Characters MongoDB refuses in database names on any platform (Unix and Windows lists combined), and NUL. */
const FORBIDDEN_DATABASE_CHARACTERS = /[/\\. "$*<>:|?\0]/;
/** Databases MongoDB reserves for itself. */
const RESERVED_DATABASES = new Set(['admin', 'local', 'config']);
/** MongoDB database names are shorter than 64 bytes. */
const MAX_DATABASE_NAME_BYTES = 63;

export type MongoUriCheck =
  | { ok: true; databaseName: string; hasWriteConcern: boolean }
  | { ok: false; reason: 'unparseable' | 'missingDatabase' | 'invalidDatabase'; problem: string; hasWriteConcern: boolean };

/** Checks a MongoDB URI and returns the database it names; problems name MONGODB_URI and never echo credentials. */
export function checkMongoUri(uri: string): MongoUriCheck {
  let parsed: ConnectionString;
  try {
    parsed = new ConnectionString(uri);
  } catch {
    return {
      ok: false,
      reason: 'unparseable',
      hasWriteConcern: false,
      problem: 'MONGODB_URI is not a valid MongoDB connection string (mongodb://host[:port]/database or mongodb+srv://host/database)',
    };
  }
  const hasWriteConcern = parsed.searchParams.has('w');
  let databaseName: string;
  try {
    databaseName = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  } catch {
    return {
      ok: false,
      reason: 'invalidDatabase',
      hasWriteConcern,
      problem: 'MONGODB_URI: the database name is not valid percent-encoding',
    };
  }
  if (databaseName === '') {
    return {
      ok: false,
      reason: 'missingDatabase',
      hasWriteConcern,
      problem:
        'MONGODB_URI must name the database, e.g. mongodb://host:27017/mdm?replicaSet=rs0 (without it data would land in the driver default "test")',
    };
  }
  const invalid = databaseNameProblem(databaseName);
  if (invalid) return { ok: false, reason: 'invalidDatabase', hasWriteConcern, problem: `MONGODB_URI: ${invalid}` };
  return { ok: true, databaseName, hasWriteConcern };
}

function databaseNameProblem(name: string): string | undefined {
  if (FORBIDDEN_DATABASE_CHARACTERS.test(name))
    return `database name "${name}" contains a character MongoDB does not allow (/ \\ . space " $ * < > : | ? or NUL)`;
  if (Buffer.byteLength(name, 'utf8') > MAX_DATABASE_NAME_BYTES) return `database name is longer than ${MAX_DATABASE_NAME_BYTES} bytes`;
  if (RESERVED_DATABASES.has(name.toLowerCase())) return `database "${name}" is reserved by MongoDB; name the application's own database`;
  return undefined;
}

/** The same URI with another database (tests give each store its own database). */
export function withDatabaseName(uri: string, databaseName: string): string {
  const parsed = new ConnectionString(uri);
  parsed.pathname = `/${encodeURIComponent(databaseName)}`;
  return parsed.toString();
}
