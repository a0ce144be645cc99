/** Structured JSON logs, one object per line on stdout (stderr for errors). */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

const LEVEL_ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Creates a logger writing JSON lines; `silent` drops everything (tests). */
export function createLogger(options: { level?: LogLevel; silent?: boolean; base?: Record<string, unknown> } = {}): Logger {
  const minimum = LEVEL_ORDER[options.level ?? 'info'];
  const base = options.base ?? {};
  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>): void => {
    if (options.silent || LEVEL_ORDER[level] < minimum) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...base, ...fields });
    (level === 'error' ? process.stderr : process.stdout).write(line + '\n');
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => createLogger({ ...options, base: { ...base, ...fields } }),
  };
}

/** A logger that records entries in memory, for tests that assert on log output. */
export function createMemoryLogger(): Logger & { entries: Array<{ level: LogLevel; msg: string } & Record<string, unknown>> } {
  const entries: Array<{ level: LogLevel; msg: string } & Record<string, unknown>> = [];
  const make = (base: Record<string, unknown>): Logger => {
    const write = (level: LogLevel) => (msg: string, fields?: Record<string, unknown>) => {
      entries.push({ level, msg, ...base, ...fields });
    };
    return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error'), child: (f) => make({ ...base, ...f }) };
  };
  return Object.assign(make({}), { entries });
}
