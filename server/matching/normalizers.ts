/**
 * Value normalisation for blocking and comparison. Identifier and name rules live in
 * server/identifiers; this file only picks the right one by name and makes every function
 * total: an identifier that fails its check still compares by its bare alphanumerics, because
 * two sources repeating the same typo are still the same record.
 */
import {
  checkGln,
  checkHibcc,
  checkNpi,
  checkUei,
  normalizeCcn,
  normalizeDuns,
  normalizeEin,
  normalizeGtin,
  normalizeNdc11,
} from '../identifiers';
import { normalizeOrgName, normalizePartNumber, normalizePostalCode, normalizeText } from '../identifiers/names';
import type { IdentifierScheme, NormalizerName } from './types';

const NON_ALPHANUMERIC = /[^A-Z0-9]/g;

function bareAlphanumerics(value: string): string {
  return value.toUpperCase().replace(NON_ALPHANUMERIC, '');
}

function checkedOrNull(check: { ok: true; value: string } | { ok: false }): string | null {
  return check.ok ? check.value : null;
}

const IDENTIFIER_NORMALIZERS: Record<IdentifierScheme, (value: string) => string | null> = {
  gtin: normalizeGtin,
  ndc: normalizeNdc11,
  ein: normalizeEin,
  duns: normalizeDuns,
  uei: (v) => checkedOrNull(checkUei(v)),
  npi: (v) => checkedOrNull(checkNpi(v)),
  ccn: normalizeCcn,
  gln: (v) => checkedOrNull(checkGln(v)),
  hibcc: (v) => checkedOrNull(checkHibcc(v)),
  raw: (v) => bareAlphanumerics(v) || null,
};

/** Normalises an identifier of `scheme`; invalid values fall back to their bare alphanumerics, empty → null. */
export function normalizeIdentifier(scheme: IdentifierScheme, value: string): string | null {
  let normalized: string | null = null;
  try {
    normalized = IDENTIFIER_NORMALIZERS[scheme](value);
  } catch {
    normalized = null;
  }
  if (normalized) return normalized;
  const bare = bareAlphanumerics(value);
  // A GTIN typed without its leading zeros still compares by digits once padded.
  if (scheme === 'gtin' && /^\d{8,14}$/.test(bare)) return bare.padStart(14, '0');
  return bare || null;
}

function normalizePhone(value: string): string | null {
  const digits = value.replace(/\D/g, '');
  // North American numbers: drop the country code so "+1 (555) 010-2000" equals "555-010-2000".
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  return national.length >= 7 ? national : null;
}

const TEXT_NORMALIZERS: Record<NormalizerName, (value: string) => string | null> = {
  text: (v) => normalizeText(v) || null,
  orgName: (v) => normalizeOrgName(v) || null,
  partNumber: (v) => normalizePartNumber(v) || null,
  postalCode: (v) => normalizePostalCode(v) || null,
  digits: (v) => v.replace(/\D/g, '') || null,
  phone: normalizePhone,
  none: (v) => v.trim() || null,
};

/** Applies the named text normaliser; null when nothing meaningful is left. */
export function normalizeWith(normalizer: NormalizerName, value: string): string | null {
  return TEXT_NORMALIZERS[normalizer](value);
}

const SEGMENTS = new Map<string, string[]>();

function segmentsOf(path: string): string[] {
  let segments = SEGMENTS.get(path);
  if (!segments) {
    segments = path.split('.');
    SEGMENTS.set(path, segments);
  }
  return segments;
}

interface PathWalk {
  segments: readonly string[];
  depth: number;
  out: unknown[];
}

// A top-level recursive function rather than a closure: this runs for every field of every
// record, and per-call closures showed up in batch profiles. `walk.depth` is moved in and out.
function collectAtPath(walk: PathWalk, node: unknown): void {
  if (node === null || node === undefined) return;
  if (Array.isArray(node)) {
    for (const element of node) collectAtPath(walk, element);
    return;
  }
  if (walk.depth === walk.segments.length) {
    walk.out.push(node);
    return;
  }
  if (typeof node === 'object') {
    const next = (node as Record<string, unknown>)[walk.segments[walk.depth]];
    walk.depth++;
    collectAtPath(walk, next);
    walk.depth--;
  }
}

/** Collects the scalar values at a dotted path, flattening arrays on the way (`addresses.city`). */
export function valuesAtPath(record: unknown, path: string): unknown[] {
  const walk: PathWalk = { segments: segmentsOf(path), depth: 0, out: [] };
  collectAtPath(walk, record);
  return walk.out;
}

/** String values (numbers stringified) at any of `paths`, empty strings dropped. */
export function stringsAtPaths(record: unknown, paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const path of paths) {
    for (const value of valuesAtPath(record, path)) {
      if (typeof value === 'string' && value.trim() !== '') out.push(value);
      else if (typeof value === 'number' && Number.isFinite(value)) out.push(String(value));
    }
  }
  return out;
}

/** Tokens of a string already normalised by `normalizeWith` (single spaces between words). */
export function splitNormalized(normalized: string): string[] {
  return normalized.split(' ').filter((t) => t !== '');
}

/** Catalog/model-number-like tokens in free text: alphanumeric with a digit, length ≥ minLength after stripping punctuation. */
export function codeTokensInText(value: string, minLength: number): string[] {
  const found = new Set<string>();
  // Split on whitespace and commas/semicolons/slashes only: hyphens and dots stay inside codes
  // so "10-775-PA-55" is one token, then stripped to 10775PA55.
  for (const raw of value.toUpperCase().split(/[\s,;:#/()[\]]+/)) {
    const code = raw.replace(NON_ALPHANUMERIC, '');
    if (code.length >= minLength && /\d/.test(code)) found.add(code);
  }
  return [...found];
}
