/**
 * How long the editor's per-keystroke work takes: completion (lex + scope analysis + sample shape)
 * at every offset of the project's real mapping files against 2,000 sample records, error-marker
 * ranges, and the static required-field check. Prints figures; asserts nothing (max includes JIT warm-up).
 * Run: node --import tsx studio/bench/jsonataEditor.bench.ts
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jsonata from 'jsonata';
import { completeJsonata } from '../src/jsonata/completion';
import { markerForError } from '../src/jsonata/errorMarkers';
import { requiredFieldsNeverSet } from '../src/jsonata/outputCheck';
import type { JsonSchema } from '../src/jsonata/schemaShape';

const root = fileURLToPath(new URL('../../', import.meta.url));
const mappingsDir = path.join(root, 'mappings');

interface MappingFile {
  name: string;
  domain: string;
  expression: string;
  samples: unknown[];
}

const files: MappingFile[] = [];
for (const source of readdirSync(mappingsDir)) {
  const dir = path.join(mappingsDir, source);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    continue;
  }
  for (const entry of entries.filter((name) => name.endsWith('.jsonata'))) {
    const domain = entry.replace(/\.jsonata$/, '');
    const sidecar = JSON.parse(readFileSync(path.join(dir, `${domain}.json`), 'utf8')) as { samples?: unknown[] };
    files.push({
      name: `${source}/${entry}`,
      domain,
      expression: readFileSync(path.join(dir, entry), 'utf8'),
      samples: sidecar.samples ?? [],
    });
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

function report(label: string, timings: number[]): void {
  const sorted = [...timings].sort((a, b) => a - b);
  const mean = timings.reduce((sum, value) => sum + value, 0) / timings.length;
  console.log(
    `${label.padEnd(44)} n=${String(timings.length).padStart(6)}  mean ${mean.toFixed(3)} ms  p50 ${percentile(sorted, 50).toFixed(3)}  p95 ${percentile(sorted, 95).toFixed(3)}  max ${sorted[sorted.length - 1].toFixed(3)} ms`,
  );
}

const completionTimings: number[] = [];
const largeSampleTimings: number[] = [];
const requiredTimings: number[] = [];
const markerTimings: number[] = [];

for (const file of files) {
  const schema = JSON.parse(readFileSync(path.join(root, 'canonical-schemas', `${file.domain}.schema.json`), 'utf8')) as JsonSchema;
  // 2,000 records: the samples repeated, as if a large extract were pasted.
  const large = Array.from({ length: 2000 }, (_, index) => file.samples[index % Math.max(1, file.samples.length)]).filter(
    (record) => record !== undefined,
  );
  for (let offset = 0; offset <= file.expression.length; offset += 1) {
    let started = performance.now();
    completeJsonata({ text: file.expression, offset, samples: file.samples, targetSchema: schema });
    completionTimings.push(performance.now() - started);
    if (offset % 10 === 0) {
      started = performance.now();
      completeJsonata({ text: file.expression, offset, samples: large, targetSchema: schema });
      largeSampleTimings.push(performance.now() - started);
    }
  }
  for (let run = 0; run < 20; run += 1) {
    const started = performance.now();
    requiredFieldsNeverSet(schema, file.expression);
    requiredTimings.push(performance.now() - started);
  }
  // A syntax error at every 7th character: cut the expression there.
  for (let cut = 1; cut < file.expression.length; cut += 7) {
    const text = file.expression.slice(0, cut);
    let error: unknown;
    try {
      jsonata(text);
      continue;
    } catch (err) {
      error = err;
    }
    const started = performance.now();
    markerForError(text, error as { message: string });
    markerTimings.push(performance.now() - started);
  }
}

const totalChars = files.reduce((sum, file) => sum + file.expression.length, 0);
console.log(`${files.length} mapping files, ${totalChars} characters in all (${process.version})`);
report('completion, file samples, every offset', completionTimings);
report('completion, 2,000 sample records', largeSampleTimings);
report('required fields never set (parse + walk)', requiredTimings);
report('error marker range', markerTimings);
