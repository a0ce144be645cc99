/** Translates whatever an evaluation throws (jsonata error objects, JS errors, our own) into MappingErrorInfo. */
import type { MappingErrorCode, MappingErrorInfo } from './types';

/** Thrown by runtime functions ($eval, $lookup) to surface one of our own stable codes. */
export class RuntimeFunctionError extends Error {
  constructor(
    readonly mappingCode: MappingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RuntimeFunctionError';
  }
}

/** jsonata's own guardrail and allocation codes that map to one of our limit codes. */
const JSONATA_CODE_MAP: Record<string, MappingErrorCode> = {
  D1011: 'MAPPING_DEPTH_EXCEEDED',
  D1012: 'MAPPING_TIMEOUT',
  D2014: 'MAPPING_MEMORY_EXCEEDED',
  D2015: 'MAPPING_MEMORY_EXCEEDED',
};

const LIMIT_MESSAGES: Partial<Record<MappingErrorCode, string>> = {
  MAPPING_DEPTH_EXCEEDED:
    'The mapping nested too deeply (usually a recursive function that never stops); rewrite it to recurse less or as a tail call.',
  MAPPING_TIMEOUT: 'The mapping took longer than the time allowed per record; check for an endless loop or a very slow regular expression.',
  MAPPING_MEMORY_EXCEEDED: 'The mapping tried to build a value too large for the memory allowed per record.',
};

function readString(source: Record<string, unknown>, key: string): string | undefined {
  const value = source[key];
  return typeof value === 'string' ? value : undefined;
}

/** Maps a thrown value to a MappingErrorInfo; `isCompiling` marks S-codes from parsing as syntax errors. */
export function toMappingError(thrown: unknown, context: { isCompiling: boolean }): MappingErrorInfo {
  if (thrown instanceof RuntimeFunctionError) {
    return { code: thrown.mappingCode, message: thrown.message };
  }
  if (thrown instanceof RangeError) {
    if (/call stack/i.test(thrown.message)) {
      return { code: 'MAPPING_DEPTH_EXCEEDED', message: LIMIT_MESSAGES.MAPPING_DEPTH_EXCEEDED ?? thrown.message };
    }
    if (/invalid (string|array|typed array) length|allocation failed/i.test(thrown.message)) {
      return { code: 'MAPPING_MEMORY_EXCEEDED', message: LIMIT_MESSAGES.MAPPING_MEMORY_EXCEEDED ?? thrown.message };
    }
  }
  if (thrown !== null && typeof thrown === 'object') {
    const source = thrown as Record<string, unknown>;
    const jsonataCode = readString(source, 'code');
    const message = readString(source, 'message') ?? 'The mapping failed.';
    const position = typeof source.position === 'number' ? source.position : undefined;
    const token = source.token === undefined ? undefined : String(source.token);
    if (jsonataCode && /^[A-Z]\d{4}$/.test(jsonataCode)) {
      const limitCode = JSONATA_CODE_MAP[jsonataCode];
      const code = limitCode ?? (context.isCompiling && jsonataCode.startsWith('S') ? 'MAPPING_SYNTAX_ERROR' : 'MAPPING_ERROR');
      // jsonata's D2015 text puts the attempted size where the limit should be; say it plainly instead.
      const detail = jsonataCode === 'D2015' ? `a sequence of ${String(source.value)} items is over the limit` : message;
      const plainMessage = limitCode ? `${LIMIT_MESSAGES[limitCode] ?? message} (${detail})` : message;
      return withOptional({ code, message: plainMessage, jsonataCode, position, token });
    }
    return withOptional({ code: context.isCompiling ? 'MAPPING_SYNTAX_ERROR' : 'MAPPING_ERROR', message, position, token });
  }
  return { code: 'MAPPING_ERROR', message: String(thrown) };
}

/** Drops undefined fields so outcomes compare and serialise cleanly. */
function withOptional(info: MappingErrorInfo): MappingErrorInfo {
  const result: MappingErrorInfo = { code: info.code, message: info.message };
  if (info.position !== undefined) result.position = info.position;
  if (info.token !== undefined) result.token = info.token;
  if (info.jsonataCode !== undefined) result.jsonataCode = info.jsonataCode;
  return result;
}
