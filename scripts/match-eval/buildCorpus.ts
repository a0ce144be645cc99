/**
 * Expands the hand-written entity lists in `scripts/match-eval/sources/` into the evaluation corpus
 * files `test/fixtures/match-eval/<domain>.json` (format in corpus.ts). Identifiers get their real
 * check digits here (GS1 mod 10 for GTIN/GLN, Luhn for NPI) and source ids their source's style;
 * every description, name and address is written by hand in the source lists. Deterministic: the
 * same lists give the same files.
 *
 *   node --import tsx scripts/match-eval/buildCorpus.ts
 */
import { writeFileSync } from 'node:fs';
import { checkGtin, checkNdc, checkNpi, gs1CheckDigit, normalizeNdc11, npiCheckDigit } from '../../server/identifiers';
import {
  CORPUS_DIRECTORY,
  corpusProblems,
  hardNegativeKinds,
  labelledPairCount,
  truePairs,
  type CorpusRecord,
  type EvaluationCorpus,
  type HardNegative,
} from './corpus';
import { ACCOUNT_ENTITIES, ACCOUNT_NEGATIVES } from './sources/account';
import { FACILITY_ENTITIES, FACILITY_NEGATIVES } from './sources/facility';
import { ITEM_FAMILIES, ITEM_SINGLES, type ItemFamily, type ItemMember, type ItemTemplate } from './sources/item';
import { SUPPLIER_ENTITIES, SUPPLIER_NEGATIVES } from './sources/supplier';
import { present } from '../../server/invariant';

const PROVENANCE =
  'Written by hand for issue 9 from real-world source conventions (docs/MATCHING.md "Evaluation corpus"; ' +
  '/work/shared/reference/healthcare-master-data.md): entity lists in scripts/match-eval/sources/, expanded by ' +
  'scripts/match-eval/buildCorpus.ts (check digits, source-id styles). Not produced by the seed generator; the ' +
  'matching rules were not tuned on it. Edited only by the evaluation owner.';

/** Source ids in each source system's own style, numbered in order of appearance. */
function sourceIdMaker(overrides: Record<string, (n: number) => string> = {}): (source: string) => string {
  const counters = new Map<string, number>();
  const styles: Record<string, (n: number) => string> = {
    lawson: (n) => String(410000 + n * 13),
    peoplesoft: (n) => `SUP${String(20400 + n * 7).padStart(7, '0')}`,
    sap: (n) => String(10005000 + n * 11).padStart(18, '0'),
    'epic-supply': (n) => String(204100 + n * 3),
    cdm: (n) => `27${String(310000 + n * 17)}`,
    'gpo-catalog': (n) => `PR-${String(880000 + n * 29)}`,
    'web-catalog': (n) => `b000${(0x3a7f0 + n * 977).toString(36).toUpperCase().padStart(6, '0')}`,
    'web-catalog-b': (n) => `http://www.example-shop.com/${(1004000 + n * 37).toString()}`,
    oracle: (n) => String(300000047000 + n * 131),
    workday: (n) => `SUP-${String(600 + n * 3).padStart(6, '0')}`,
    'state-license': (n) => `HOSP-${String(4100 + n * 23)}`,
    // Round 5: a JD Edwards address book, a GPO roster, GLEIF (LEI).
    jde: (n) => String(100200 + n * 17),
    gpo: (n) => `GPO-${String(5100 + n * 7)}`,
    gleif: (n) => `5299${String(7310 + n * 41).padStart(14, '0')}XX`,
    // Session 8: ABN Lookup (ABN, 11 digits), a Peppol participant (scheme 0151 = ABN), a distributor's
    // ship-to accounts (customer number + ship-to suffix), the GS1 GLN registry (keyed by GLN).
    'abn-lookup': (n) => String(53917446000 + n * 1013),
    peppol: (n) => `0151:${String(41608552000 + n * 977)}`,
    'distributor-shipto': (n) => `0522140-${String(n).padStart(2, '0')}`,
    'gs1-gln': (n) => `GLN-${String(n).padStart(4, '0')}`,
    // Session 8 items: RxNorm concepts (RXCUI), ward free-text requests, a distributor's punch-out lines.
    rxnorm: (n) => String(308000 + n * 97),
    ward: (n) => `WR-${String(7100 + n * 13)}`,
    punchout: (n) => `PO-${String(55000 + n * 19)}-1`,
  };
  return (source) => {
    const n = (counters.get(source) ?? 0) + 1;
    counters.set(source, n);
    const style = overrides[source] ?? styles[source];
    if (!style) throw new Error(`no source-id style for source "${source}"`);
    return style(n);
  };
}

function fill(template: string, member: ItemMember): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (name === 'part') {
      if (!member.part) throw new Error(`${member.key}: template uses {part} but the member has no part number`);
      return member.part;
    }
    const value = member.v[name];
    if (value === undefined) throw new Error(`${member.key}: template "${template}" uses {${name}}, not in the member's values`);
    return value;
  });
}

function gtin13Of(family: ItemFamily, member: ItemMember): string | null {
  if (member.ndc) {
    const digits = member.ndc.replace(/-/g, '');
    const body = `03${digits}`.padStart(12, '0');
    return `${body}${gs1CheckDigit(body)}`;
  }
  if (!family.gs1Prefix || !member.ref) return null;
  const body = `${family.gs1Prefix}${member.ref}`;
  if (body.length !== 12) throw new Error(`${member.key}: GS1 prefix + item reference should have 12 digits, got ${body.length}`);
  return `${body}${gs1CheckDigit(body)}`;
}

function gtinAs(gtin13: string, width: 12 | 13 | 14, key: string): string {
  const text = width === 14 ? `0${gtin13}` : width === 13 ? gtin13 : gtin13.slice(1);
  if (width === 12 && !gtin13.startsWith('0')) throw new Error(`${key}: a UPC-12 needs a GTIN-13 starting with 0`);
  if (!checkGtin(text).ok) throw new Error(`${key}: built an invalid GTIN ${text}`);
  return text;
}

function itemRecord(family: ItemFamily, member: ItemMember, template: ItemTemplate, nextId: (source: string) => string): CorpusRecord {
  const key = `${member.key}@${template.source}`;
  const record: CorpusRecord['record'] = { sourceId: nextId(template.source), description: fill(template.d, member) };
  if (template.m) record.manufacturer = { name: template.m };
  if (template.p) record.manufacturerPartNumber = fill(template.p, member);
  if (template.vn) record.vendor = { name: template.vn };
  if (template.vc) record.vendorCatalogNumber = fill(template.vc, member);
  if (template.g) {
    const gtin13 = gtin13Of(family, member);
    if (!gtin13) throw new Error(`${key}: template asks for a GTIN but the member has none`);
    record.gtin = gtinAs(gtin13, template.g, key);
  }
  if (template.ndc) {
    if (!member.ndc || !checkNdc(member.ndc).ok) throw new Error(`${key}: template asks for an NDC but the member has no valid one`);
    record.ndc = template.ndc === 10 ? member.ndc : (normalizeNdc11(member.ndc) as string);
  }
  if (template.u) record.baseUom = fill(template.u, { ...member, v: { ...member.v, u: member.v.u ?? '' } });
  return { id: key, source: template.source, entity: member.key, record };
}

function hasIdentifier(record: CorpusRecord): boolean {
  return ['manufacturerPartNumber', 'vendorCatalogNumber', 'gtin', 'ndc'].some((field) => record.record[field] !== undefined);
}

function buildItems(): EvaluationCorpus {
  const nextId = sourceIdMaker();
  const records: CorpusRecord[] = [];
  const hardNegatives: HardNegative[] = [];
  const gtinOwner = new Map<string, string>();
  for (const family of [...ITEM_FAMILIES, ...ITEM_SINGLES]) {
    const recordsOf = new Map<string, CorpusRecord[]>();
    for (const member of family.members) {
      const own = family.records
        .filter((template) => !template.only || template.only.includes(member.key))
        .map((template) => itemRecord(family, member, template, nextId));
      recordsOf.set(member.key, own);
      records.push(...own);
      const gtin13 = gtin13Of(family, member);
      if (gtin13) {
        if (gtinOwner.has(gtin13) && gtinOwner.get(gtin13) !== member.key)
          throw new Error(`GTIN ${gtin13} of ${member.key} is also ${gtinOwner.get(gtin13)}'s`);
        gtinOwner.set(gtin13, member.key);
      }
    }
    // Adjacent siblings, source by source: the same house style, so the texts differ only in the attribute.
    // Then across sources: each sibling record without identifiers against the first identified record
    // of the neighbour from another source (nothing but the text and the manufacturer can tell them apart).
    for (let index = 0; index + 1 < family.members.length; index++) {
      const left = recordsOf.get(present(family.members[index], 'family.members[index]').key) ?? [];
      const right = recordsOf.get(present(family.members[index + 1], 'family.members[index + 1]').key) ?? [];
      for (const a of left) {
        const b = right.find((candidate) => candidate.source === a.source);
        if (b) hardNegatives.push({ a: a.id, b: b.id, differs: family.differs });
      }
      for (const [from, to] of [
        [left, right],
        [right, left],
      ] as const) {
        for (const a of from.filter((record) => !hasIdentifier(record))) {
          const b = to.find((candidate) => candidate.source !== a.source && hasIdentifier(candidate));
          if (b) hardNegatives.push({ a: a.id, b: b.id, differs: family.differs });
        }
      }
    }
  }
  return {
    domain: 'item',
    description:
      'Hospital supply, implant and drug items as Lawson, PeopleSoft, SAP, Epic supply feeds, charge-description masters and GPO catalogues write them, plus software/electronics titles from two web catalogues. Entities are products; hard negatives are sibling products of one line that differ only in a distinguishing attribute.',
    provenance: PROVENANCE,
    records,
    hardNegatives,
  };
}

function splitAddress(spec: string, purposes: string[]): Record<string, unknown> {
  const [line1, city, state, postalCode, country] = spec.split('|');
  const address: Record<string, unknown> = { purposes, line1, city };
  if (state) address.state = state;
  if (postalCode) address.postalCode = postalCode;
  address.country = country ?? 'US';
  return address;
}

function buildSuppliers(): EvaluationCorpus {
  const nextId = sourceIdMaker();
  const records: CorpusRecord[] = [];
  for (const entity of SUPPLIER_ENTITIES) {
    entity.records.forEach((spec, index) => {
      const record: CorpusRecord['record'] = { sourceId: nextId(spec.s), name: spec.n };
      if (spec.ln) record.legalName = spec.ln;
      if (spec.alt) record.alternateNames = spec.alt;
      if (spec.t) record.taxId = spec.t;
      if (spec.duns) record.duns = spec.duns;
      if (spec.a) record.addresses = [splitAddress(spec.a, spec.ap ?? ['main'])];
      if (spec.ph) record.phone = spec.ph;
      if (spec.w) record.website = spec.w;
      records.push({ id: `${entity.key}#${index}`, source: spec.s, entity: entity.key, record });
    });
  }
  return {
    domain: 'supplier',
    description:
      'Vendors hospitals buy from, as Oracle Fusion, Workday, PeopleSoft and Lawson vendor masters write them: legal-suffix and punctuation variants, abbreviations, DBA names, remit-to lockbox records, foreign legal forms, with and without EIN/DUNS. One entity = one legal entity; parent/child, sister, acquired and similarly named companies are hard negatives.',
    provenance: PROVENANCE,
    records,
    hardNegatives: SUPPLIER_NEGATIVES,
  };
}

function buildFacilities(): EvaluationCorpus {
  const nextId = sourceIdMaker({ workday: (n) => `LOC-${String(2100 + n * 7).padStart(6, '0')}` });
  const records: CorpusRecord[] = [];
  for (const entity of FACILITY_ENTITIES) {
    entity.records.forEach((spec, index) => {
      const npi = spec.npi9 ? `${spec.npi9}${npiCheckDigit(spec.npi9)}` : undefined;
      if (npi && !checkNpi(npi).ok) throw new Error(`${entity.key}#${index}: invalid NPI ${npi}`);
      const gln = spec.gln12 ? `${spec.gln12}${gs1CheckDigit(spec.gln12)}` : undefined;
      const sourceId = spec.s === 'cms' && spec.ccn ? spec.ccn : spec.s === 'nppes' && npi ? npi : nextId(spec.s);
      const record: CorpusRecord['record'] = { sourceId, name: spec.n };
      if (spec.alt) record.alternateNames = spec.alt;
      if (spec.ccn) record.ccn = spec.ccn;
      if (npi) record.npis = [npi];
      if (gln) record.gln = gln;
      if (spec.type) record.facilityType = spec.type;
      if (spec.a) {
        const [line1, city, state, postalCode] = spec.a.split('|');
        record.address = { line1, city, state, postalCode, country: 'US' };
      }
      if (spec.ph) record.phone = spec.ph;
      if (spec.tax) record.taxonomyCode = spec.tax;
      records.push({ id: `${entity.key}#${index}`, source: spec.s, entity: entity.key, record });
    });
  }
  return {
    domain: 'facility',
    description:
      "US hospitals as CMS Hospital General Information, NPPES, state licence lists and a Workday location table write them (CAPS vs mixed case, Saint/St., legal vs DBA names, ZIP vs ZIP+4, street abbreviations). One entity = one care location; same-named hospitals elsewhere, sister campuses, and a hospital's clinic, laboratory or children's hospital are hard negatives.",
    provenance: PROVENANCE,
    records,
    hardNegatives: FACILITY_NEGATIVES,
  };
}

function buildAccounts(): EvaluationCorpus {
  const records: CorpusRecord[] = [];
  let workdayCounter = 0;
  for (const entity of ACCOUNT_ENTITIES) {
    entity.records.forEach((spec, index) => {
      const digits = (spec.no ?? '').replace(/[^0-9]/g, '');
      const sourceId =
        spec.s === 'peoplesoft'
          ? `${spec.co}|${digits}|${spec.eff ?? '1900-01-01'}`
          : spec.s === 'lawson'
            ? `${spec.co}-${spec.no}`
            : spec.s === 'oracle'
              ? `${spec.co === 'NVH' ? '01' : '02'}-000-${digits}-0000`
              : `LA_${spec.co}_${String(++workdayCounter).padStart(4, '0')}`;
      const record: CorpusRecord['record'] = { sourceId, name: spec.n };
      if (spec.no) record.accountNumber = spec.no;
      if (spec.kind) record.kind = spec.kind;
      if (spec.type) record.accountType = spec.type;
      if (spec.co) record.company = spec.co;
      if (spec.line) record.costReportLine = spec.line;
      if (spec.eff) record.effectiveDate = spec.eff;
      record.status = spec.inactive ? 'inactive' : 'active';
      records.push({ id: `${entity.key}#${index}`, source: spec.s, entity: entity.key, record });
    });
  }
  return {
    domain: 'account',
    description:
      'Chart-of-accounts rows of one hospital system across Lawson, Workday, Oracle and PeopleSoft (effective-dated rows, reworded descriptions, NNNN.NN vs NNNNNN vs NNNN-NN numbers). One entity = one account of one company; other departments, expense classes, companies and cost centers are hard negatives.',
    provenance: PROVENANCE,
    records,
    hardNegatives: ACCOUNT_NEGATIVES,
  };
}

const corpora = [buildItems(), buildSuppliers(), buildFacilities(), buildAccounts()];
for (const corpus of corpora) {
  const problems = corpusProblems(corpus, corpus.domain);
  if (problems.length > 0) throw new Error(`${corpus.domain}: ${problems.join('; ')}`);
  writeFileSync(`${CORPUS_DIRECTORY}${corpus.domain}.json`, `${JSON.stringify(corpus, null, 2)}\n`);
  const kinds = [...hardNegativeKinds(corpus)].map(([kind, count]) => `${kind} ${count}`).join(', ');
  console.log(
    `${corpus.domain}: ${corpus.records.length} records, ${new Set(corpus.records.map((r) => r.entity)).size} entities, ${truePairs(corpus).size} true pairs, ${corpus.hardNegatives.length} hard negatives, ${labelledPairCount(corpus)} labelled pairs (${kinds})`,
  );
}
