/**
 * A synchronous build of the installed jsonata library, derived from its own source when the worker starts.
 *
 * jsonata 2.x evaluates every expression node in an `async` function and `await`s each child, because any function a
 * caller binds may return a promise. The mapping runtime binds none: its built-ins, extra functions and size guards are
 * all synchronous, and bindings cross the worker boundary as data. So each node's promise and microtask buys nothing
 * here and costs most of the worker's time (docs/INGEST.md, session 26). The derivation removes exactly the async
 * machinery — `async` and `await` keywords, and `Promise.all` over already-computed values — from the library's own
 * source and leaves every other line as it is: same parser, evaluator, functions, error codes and messages.
 *
 * The rewrite is token-level and only trusted for library versions whose synchronous build has passed the official
 * JSONata conformance suite (test/mapping-runtime/conformance.test.ts runs the suite through the runtime); any other
 * installed version, or a source that does not rewrite cleanly, falls back to the library as it is.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { runInThisContext } from 'node:vm';
import jsonata from 'jsonata';

/** Versions whose synchronous build passed all of the official suite's cases (the conformance test's exclusions aside). */
const VERIFIED_VERSIONS: ReadonlySet<string> = new Set(['2.2.2']);

/** Compiles an expression as jsonata's default export does; `evaluate` of a synchronous build returns the value itself. */
export type JsonataFactory = typeof jsonata;

/** The library's source with its async machinery removed, or null when the source does not rewrite cleanly. */
export function synchronousSource(source: string): string | null {
  // Shapes the rewrite does not handle (verified absent in the verified versions): refuse rather than guess.
  if (/\bfor\s+await\b|\basync\s+[A-Za-z_$][\w$]*\s*=>/.test(source)) return null;
  const rewritten = source
    .replace(/\bawait Promise\.all\(/g, '__allValues(')
    .replace(/\basync function\b/g, 'function')
    .replace(/\basync \(/g, '(')
    .replace(/\bawait\s+/g, '');
  // Anything async left (a promise built or chained by hand, an `async` form not rewritten) is a shape not verified.
  if (/\bawait\b|\basync\s*(?:function\b|\()|\bPromise\b|\.then\(/.test(rewritten)) return null;
  return `var __allValues = function (values) { return values; };\n${rewritten}`;
}

function loadSynchronous(): { factory: JsonataFactory; isSynchronous: boolean } {
  try {
    const require = createRequire(import.meta.url);
    const packageDir = dirname(require.resolve('jsonata/package.json'));
    const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version?: string; main?: string };
    if (!manifest.version || !VERIFIED_VERSIONS.has(manifest.version)) return { factory: jsonata, isSynchronous: false };
    const source = synchronousSource(readFileSync(join(packageDir, manifest.main ?? 'jsonata.js'), 'utf8'));
    if (source === null) return { factory: jsonata, isSynchronous: false };
    // The library is a UMD bundle: given a CommonJS `module`, it sets `module.exports` and touches nothing else.
    const module: { exports: unknown } = { exports: {} };
    const load = runInThisContext(`(function (module, exports, require) {\n${source}\n})`, {
      filename: join(packageDir, 'jsonata.synchronous.js'),
    }) as (module: { exports: unknown }, exports: unknown, require: NodeJS.Require) => void;
    load(module, module.exports, require);
    return typeof module.exports === 'function'
      ? { factory: module.exports as JsonataFactory, isSynchronous: true }
      : { factory: jsonata, isSynchronous: false };
  } catch {
    return { factory: jsonata, isSynchronous: false };
  }
}

let loaded: { factory: JsonataFactory; isSynchronous: boolean } | undefined;

/** The synchronous build when the installed version is verified, else the library itself (built once per thread). */
export function synchronousJsonata(): { factory: JsonataFactory; isSynchronous: boolean } {
  loaded ??= loadSynchronous();
  return loaded;
}
