/**
 * Structured JSON logs, one object per line: info and below on stdout, errors on stderr.
 *
 * Backed by pino (fast, handles BigInt and cycles through safe-stable-stringify, path-based redaction).
 * The product keeps its own small `Logger` interface — `(message, fields)` — so call sites do not depend
 * on pino's argument order, and so fields can never overwrite the line's own `level`, `time` or `msg`.
 */
import pino from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

/** Field names whose values never reach a log line, at the top level or one object deep. */
const SECRET_FIELDS = [
  'secret',
  'secrets',
  'password',
  'apiKey',
  'authorization',
  'cookie',
  'token',
  'signingSecret',
  'mongodbUri',
  'uri',
  'taxId',
  'tin',
  'ein',
  'ssn',
];
export const REDACTED_PATHS = SECRET_FIELDS.flatMap((field) => [field, `*.${field}`]);

/** Keys the line itself owns; a field with one of these names is written as `field.<name>`. */
const RESERVED = new Set(['level', 'time', 'msg', 'pid', 'hostname']);

function safeFields(fields: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!fields) return {};
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(fields)) {
    if (!RESERVED.has(key)) continue;
    copy ??= { ...fields };
    copy[`field.${key}`] = copy[key];
    delete copy[key];
  }
  return copy ?? fields;
}

function wrap(instance: pino.Logger): Logger {
  return {
    debug: (message, fields) => instance.debug(safeFields(fields), message),
    info: (message, fields) => instance.info(safeFields(fields), message),
    warn: (message, fields) => instance.warn(safeFields(fields), message),
    error: (message, fields) => instance.error(safeFields(fields), message),
    child: (fields) => wrap(instance.child(safeFields(fields))),
  };
}

export interface LoggerOptions {
  level?: LogLevel;
  silent?: boolean;
  base?: Record<string, unknown>;
  /** Where lines go; defaults to stdout (below error) and stderr (error). Tests pass one stream. */
  destination?: pino.DestinationStream;
}

/** Creates a logger writing JSON lines; `silent` drops everything (tests). */
export function createLogger(options: LoggerOptions = {}): Logger {
  const destination =
    options.destination ??
    pino.multistream(
      [
        { level: 'debug', stream: process.stdout },
        { level: 'error', stream: process.stderr },
      ],
      { dedupe: true },
    );
  const instance = pino(
    {
      level: options.silent ? 'silent' : (options.level ?? 'info'),
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination,
  );
  return wrap(options.base ? instance.child(safeFields(options.base)) : instance);
}

/** A logger that records entries in memory, for tests that assert on log output. */
export function createMemoryLogger(): Logger & { entries: Array<{ level: LogLevel; msg: string } & Record<string, unknown>> } {
  const entries: Array<{ level: LogLevel; msg: string } & Record<string, unknown>> = [];
  const make = (base: Record<string, unknown>): Logger => {
    const write = (level: LogLevel) => (msg: string, fields?: Record<string, unknown>) => {
      entries.push({ level, msg, ...base, ...fields });
    };
    return {
      debug: write('debug'),
      info: write('info'),
      warn: write('warn'),
      error: write('error'),
      child: (f) => make({ ...base, ...f }),
    };
  };
  return Object.assign(make({}), { entries });
}
