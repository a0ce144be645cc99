/**
 * Typeahead search over golden records: the index prefilter finds a bounded candidate set
 * (identifier terms exactly; words by whole word, prefix of the last word and sound, rarest words
 * first, common words capped), then fuse.js ranks only those candidates. Work per query is bounded
 * by the candidate budget, not by the number of golden records.
 */
import Fuse from 'fuse.js';
import { BadRequestError } from '../errors';
import type { Store } from '../store/types';
import { SEARCH_INDEX, SEARCH_TERM_STATS, termStatId, type SearchEntry, type TermStat } from './searchIndex';
import { searchBySource } from './searchBySource';
import { queryTerms, searchFieldsOf } from './searchTerms';

/** Candidates fuse.js ranks at most per query. */
const CANDIDATE_BUDGET = 150;
const IDENTIFIER_LIMIT = 50;

export interface SearchHit {
  id: string;
  domain: string;
  displayName: string;
  matchedField: string;
  /** 1 = exact (identifier) … 0 = barely similar. */
  score: number;
}

export interface SearchResult {
  items: SearchHit[];
  candidates: number;
  /** True when common words were capped, so the best match may be missing from the candidates. */
  isTruncated: boolean;
}

const PROJECTION = { terms: 0 } as const;

/** Searches the golden records of `domain` for `q`. */
export async function searchGolden(
  services: { store: Store },
  input: { domain: string; q: string; limit?: number; hiddenFields?: ReadonlySet<string>; sources?: readonly string[] },
): Promise<SearchResult> {
  // Identifiers the caller sees masked (a tax id for a consumer) find nothing: a hit would confirm the value.
  const hidden = input.hiddenFields ?? new Set<string>();
  if (!searchFieldsOf(input.domain)) {
    throw new BadRequestError('UNKNOWN_DOMAIN', `Domain "${input.domain}" is not searchable.`, [
      { path: 'params.domain', code: 'UNKNOWN_DOMAIN', message: `domain "${input.domain}" has no search configuration` },
    ]);
  }
  const limit = input.limit ?? 10;
  const q = input.q.trim();
  const terms = queryTerms(q);
  const entries = services.store.collection<SearchEntry>(SEARCH_INDEX);
  const found = new Map<string, SearchEntry>();
  // A source id or a source system's name first: they name records exactly.
  const hits: SearchHit[] = await searchBySource(services, { domain: input.domain, q, sources: input.sources ?? [], limit });

  if (terms.identifiers.length > 0) {
    const byIdentifier = await entries.find(
      { domain: input.domain, terms: { $in: terms.identifiers } },
      { limit: IDENTIFIER_LIMIT, projection: PROJECTION },
    );
    const wanted = new Set(terms.identifiers.map((t) => t.slice(2)));
    for (const entry of byIdentifier) {
      const identifier = entry.identifiers.find((i) => wanted.has(i.value) && !hidden.has(i.field.split('.')[0] ?? i.field));
      // A code inside the description (catalog number in free text) is found too, but ranked as text.
      if (!identifier) continue;
      found.set(entry._id, entry);
      hits.push({ id: entry.goldenId, domain: entry.domain, displayName: entry.display, matchedField: identifier.field, score: 1 });
    }
  }

  let isTruncated = false;
  const candidates: SearchEntry[] = [];
  if (terms.words.length > 0) {
    const allTerms = [...new Set(terms.words.flat())];
    const stats = await services.store
      .collection<TermStat>(SEARCH_TERM_STATS)
      .find({ _id: { $in: allTerms.map((t) => termStatId(input.domain, t)) } });
    const countOf = new Map(stats.map((s) => [s._id.slice(input.domain.length + 1), s.count]));
    const words = terms.words
      .map((alternatives) => ({
        terms: alternatives.filter((t) => (countOf.get(t) ?? 0) > 0),
        cost: alternatives.reduce((sum, t) => sum + (countOf.get(t) ?? 0), 0),
      }))
      .filter((w) => w.cost > 0)
      .sort((x, y) => x.cost - y.cost);
    let filter: Record<string, unknown> | null = null;
    const rarest = words[0];
    if (rarest && rarest.cost <= CANDIDATE_BUDGET) {
      // Rare words: the union of every word that still fits the budget.
      const chosen: string[] = [];
      let cost = 0;
      for (const word of words) {
        if (cost + word.cost > CANDIDATE_BUDGET && chosen.length > 0) break;
        chosen.push(...word.terms);
        cost += word.cost;
      }
      filter = { domain: input.domain, terms: { $in: chosen } };
    } else if (words.length > 0) {
      // Only common words: records holding two of them together (pair terms), else a capped sample of
      // the rarest word's entries. Requiring every word in the filter would make the store read every
      // entry of a common word (tens of thousands at a million records).
      const paired =
        terms.pairs.length === 0
          ? []
          : await entries.find(
              { domain: input.domain, terms: { $in: terms.pairs } },
              { limit: CANDIDATE_BUDGET + 1, projection: PROJECTION },
            );
      if (paired.length > 0) {
        isTruncated = paired.length > CANDIDATE_BUDGET;
        for (const entry of paired.slice(0, CANDIDATE_BUDGET)) if (!found.has(entry._id)) candidates.push(entry);
      } else {
        isTruncated = true;
        filter = { domain: input.domain, terms: { $in: rarest?.terms ?? [] } };
      }
    }
    if (filter)
      for (const entry of await entries.find(filter, { limit: CANDIDATE_BUDGET, projection: PROJECTION }))
        if (!found.has(entry._id)) candidates.push(entry);
  }

  if (candidates.length > 0) {
    const fuse = new Fuse(candidates, {
      keys: [
        { name: 'display', weight: 2 },
        { name: 'texts.value', weight: 1 },
      ],
      includeScore: true,
      includeMatches: true,
      ignoreLocation: true,
      threshold: 0.45,
    });
    for (const result of fuse.search(q, { limit: limit + hits.length })) {
      const match = result.matches?.[0];
      const entry = result.item;
      const matchedField = match?.key === 'display' ? fieldOfDisplay(entry) : (entry.texts[match?.refIndex ?? 0]?.field ?? 'display');
      hits.push({
        id: entry.goldenId,
        domain: entry.domain,
        displayName: entry.display,
        matchedField,
        score: Math.round((1 - (result.score ?? 1)) * 1000) / 1000,
      });
    }
  }
  const seen = new Set<string>();
  const items = hits.filter((hit) => (seen.has(hit.id) ? false : (seen.add(hit.id), true))).slice(0, limit);
  return { items, candidates: candidates.length + found.size, isTruncated };
}

function fieldOfDisplay(entry: SearchEntry): string {
  return entry.texts.find((t) => t.value === entry.display)?.field ?? 'display';
}
