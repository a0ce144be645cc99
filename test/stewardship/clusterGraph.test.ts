/**
 * The cluster graph as a fixture table (records in, clusters out) under the shipped supplier rules,
 * the rule-set validation of `clusterReview`, and the pairwise scorer the evaluation uses.
 */
import { describe, expect, test } from 'vitest';
import { compileRules, loadRules, prepareRecord, validateRules, type CompiledRules } from '../../server/matching';
import type { ClusterEdgeRule, ClusterSplitRule } from '../../server/matching/types';
import { buildClusterGraph } from '../../server/stewardship';
import { scoreGroups } from '../../scripts/evalClusters';
import { at } from '../support/must';
import { present } from '../../server/invariant';

const rules = await loadRules('supplier');

interface Fixture {
  name: string;
  /** One golden record per entry (its source records' canonical fields). */
  members: Record<string, Array<Record<string, unknown>>>;
  notAMatch?: Array<[string, string]>;
  /** Expected clusters (member keys), order-free. */
  clusters: string[][];
  conflicts?: number;
  /** Edge rule expected between two members, keyed by the two member keys joined. */
  rules?: Record<string, string>;
  /** Replaces the shipped rules' clusterReview edges for this fixture. */
  edges?: ClusterEdgeRule[];
  /** Replaces the shipped rules' clusterReview split rules for this fixture. */
  splitWhen?: ClusterSplitRule[];
}

const fixtures: Fixture[] = [
  {
    name: 'legal suffixes, punctuation and abbreviations of one supplier form one cluster',
    members: {
      a: [{ name: 'Medline Industries, Inc.' }],
      b: [{ name: 'MEDLINE INDUSTRIES INCORPORATED' }],
      c: [{ name: 'Medline Ind.' }],
      d: [{ name: 'MEDLINE INDUSTRIES, INC' }],
      other: [{ name: 'Medtronic USA, Inc.' }],
    },
    clusters: [['a', 'b', 'c', 'd']],
  },
  {
    name: 'a DBA held as an alternate name links the trading name',
    members: { a: [{ name: 'Henry Schein, Inc.', alternateNames: ['Henry Schein Medical'] }], b: [{ name: 'HENRY SCHEIN MEDICAL' }] },
    clusters: [['a', 'b']],
  },
  {
    name: 'two tax ids never end in one cluster: the record without one joins one side only',
    members: {
      x: [{ name: 'Stryker Instruments, Inc.', taxId: '38-1239739' }],
      plain: [{ name: 'STRYKER INSTRUMENTS' }],
      y: [{ name: 'STRYKER INSTRUMENTS INC', taxId: '38-2902424' }],
    },
    clusters: [['plain', 'x']],
    conflicts: 1,
  },
  {
    name: 'a name without a form between an Inc and an LLC of one name joins neither (corporationAndLlc bridges: leaveOut)',
    members: {
      x: [{ name: 'Stryker Instruments, Inc.', taxId: '38-1239739' }],
      plain: [{ name: 'STRYKER INSTRUMENTS' }],
      y: [{ name: 'Stryker Instruments LLC', taxId: '38-2902424' }],
    },
    clusters: [],
    conflicts: 1,
  },
  {
    name: 'a conflict inside a member golden record (any of its records) splits too',
    members: {
      x: [{ name: 'Acme Surgical', taxId: '12-3456789' }, { name: 'ACME SURGICAL SUPPLY' }],
      plain: [{ name: 'Acme Surgical Inc' }],
      y: [{ name: 'ACME SURGICAL', taxId: '98-7654321' }],
    },
    clusters: [['plain', 'x']],
    conflicts: 1,
  },
  {
    name: "a steward's not-a-match pair is a cannot-link",
    members: { a: [{ name: 'Zimmer Biomet, Inc.' }], b: [{ name: 'ZIMMER BIOMET' }], c: [{ name: 'ZIMMER BIOMET INC' }] },
    notAMatch: [['a', 'b']],
    clusters: [['a', 'c']],
    conflicts: 1,
  },
  {
    name: 'a corporation and an LLC of one name are two clusters (corporationAndLlc)',
    members: {
      a: [{ name: 'Norvane Therapeutics, Inc.' }],
      b: [{ name: 'NORVANE THERAPEUTICS INC' }],
      c: [{ name: 'Norvane Therapeutics LLC' }],
      d: [{ name: 'NORVANE THERAPEUTICS L.L.C.' }],
    },
    clusters: [
      ['a', 'b'],
      ['c', 'd'],
    ],
    conflicts: 4,
  },
  {
    name: 'an LLC that keeps its former corporation name is read as both and splits from neither (a conversion)',
    members: {
      a: [{ name: 'Tervalo Medical LLC', alternateNames: ['Tervalo Medical Corp.'] }],
      b: [{ name: 'TERVALO MEDICAL CORP' }],
      c: [{ name: 'Tervalo Medical LLC f/k/a Tervalo Medical Corp' }],
    },
    clusters: [['a', 'b', 'c']],
  },
  {
    name: 'an East Asian Co., Ltd. and a US Inc. of one name are two clusters (eastAsianCompanyAndUsCompany)',
    members: {
      a: [{ name: 'Tomizawa Seiyaku Co., Ltd.' }],
      b: [{ name: 'TOMIZAWA SEIYAKU CO LTD' }],
      c: [{ name: 'Tomizawa Seiyaku Inc.' }],
      d: [{ name: 'TOMIZAWA SEIYAKU INC' }],
    },
    clusters: [
      ['a', 'b'],
      ['c', 'd'],
    ],
    conflicts: 4,
  },
  {
    name: 'a GmbH and an AG of one name are two clusters (gmbhAndAg)',
    members: {
      a: [{ name: 'Velbrandt Medical AG' }],
      b: [{ name: 'VELBRANDT MEDICAL AG' }],
      c: [{ name: 'Velbrandt Medical GmbH' }],
      d: [{ name: 'VELBRANDT MEDICAL GMBH' }],
    },
    clusters: [
      ['a', 'b'],
      ['c', 'd'],
    ],
    conflicts: 4,
  },
  {
    name: 'a numbered subsidiary is not a spelling of its sibling',
    members: { a: [{ name: 'Cardinal Health 200, LLC' }], b: [{ name: 'CARDINAL HEALTH 200' }], c: [{ name: 'Cardinal Health 414, LLC' }] },
    clusters: [['a', 'b']],
    // supplier-3.37.0: two numbers are two subsidiaries (otherOperatingCompanyNumber vetoes a–c and b–c: cannot-links).
    conflicts: 2,
  },
  {
    name: 'the same tax id under names too different to merge is reviewed in the cluster',
    members: {
      a: [{ name: 'Owens & Minor', taxId: '54-1701843' }],
      b: [{ name: 'O&M Distribution', taxId: '54-1701843' }],
      c: [{ name: 'OWENS AND MINOR INC' }],
    },
    clusters: [['a', 'b', 'c']],
    rules: { ab: 'sameTaxId', ac: 'sameNameNoIdentifier' },
  },
  {
    name: 'names alone do not link a golden record one of whose records is elsewhere (another country)',
    members: {
      us: [
        {
          name: 'Molnlycke Health Care US, LLC',
          taxId: '20-5314720',
          addresses: [{ line1: '5445 Triangle Parkway', city: 'Peachtree Corners', state: 'GA', postalCode: '30092', country: 'US' }],
        },
        { name: 'Molnlycke Health Care', taxId: '20-5314720' },
      ],
      se: [
        {
          name: 'MOLNLYCKE HEALTH CARE AB',
          addresses: [{ line1: 'Gamlestadsvagen 3 C', city: 'Gothenburg', postalCode: '41502', country: 'SE' }],
        },
      ],
    },
    // Judged over the golden records as wholes: the US record's address contradicts the Swedish one.
    edges: [
      {
        name: 'namesUnlessAddressContradicts',
        when: [
          { comparator: 'ein', outcome: 'missing' },
          { comparator: 'name', scoreAtLeast: 0.88 },
        ],
        unless: [{ comparator: 'address', outcome: 'mismatch' }],
      },
    ],
    clusters: [],
    // Since supplier-3.1.0 the country is a distinguishing attribute: US vs SE is also reported as a conflict.
    conflicts: 1,
  },
  {
    // Until supplier-3.5.0 the name without a form joined the side edge order put first (here `us`); it names
    // either company as well, so since supplier-3.5.0 (splitWhen bridges: leaveOut) it joins neither.
    name: 'legal forms of different families split the cluster: a name without a form that links to both joins neither',
    members: {
      us: [{ name: 'Hamilton Medical, Inc.' }],
      plain: [{ name: 'HAMILTON MEDICAL' }],
      ch: [{ name: 'Hamilton Medical AG' }],
    },
    clusters: [],
    conflicts: 1,
  },
  {
    name: 'an SE is a European legal form: a US Inc and its parent SE are split, the formless name joins neither',
    members: { us: [{ name: 'Biotronik, Inc.' }], plain: [{ name: 'BIOTRONIK' }], se: [{ name: 'Biotronik SE' }] },
    clusters: [],
    conflicts: 1,
  },
  {
    name: 'a formless name between a split pair is left out; the spellings of each side stay clusters (supplier-3.5.0)',
    members: {
      us: [{ name: 'Hamilton Medical, Inc.' }],
      us2: [{ name: 'HAMILTON MEDICAL INC' }],
      plain: [{ name: 'Hamilton Medical' }],
      ch: [{ name: 'Hamilton Medical AG' }],
      ch2: [{ name: 'HAMILTON MEDICAL AG' }],
    },
    clusters: [
      ['us', 'us2'],
      ['ch', 'ch2'],
    ],
    conflicts: 4,
  },
  {
    name: 'addresses in different countries split a US company from its parent abroad; a name without a country joins neither',
    members: {
      us: [
        {
          name: 'Roche Diagnostics Corporation',
          addresses: [{ line1: '9115 Hague Rd', city: 'Indianapolis', state: 'IN', country: 'US' }],
        },
      ],
      us2: [{ name: 'ROCHE DIAGNOSTICS CORP', addresses: [{ line1: 'PO Box 660367', city: 'Dallas', state: 'TX', country: 'US' }] }],
      plain: [{ name: 'Roche Diagnostics' }],
      de: [{ name: 'Roche Diagnostics GmbH', addresses: [{ line1: 'Sandhofer Str. 116', city: 'Mannheim', country: 'DE' }] }],
    },
    clusters: [['us', 'us2']],
    conflicts: 2,
  },
  {
    name: 'a name without a legal form but with an address joins the side of its country',
    members: {
      us: [
        {
          name: 'Roche Diagnostics Corporation',
          addresses: [{ line1: '9115 Hague Rd', city: 'Indianapolis', state: 'IN', country: 'US' }],
        },
      ],
      plain: [{ name: 'ROCHE DIAGNOSTICS', addresses: [{ line1: 'PO Box 660367', city: 'Dallas', state: 'TX', country: 'US' }] }],
      de: [{ name: 'Roche Diagnostics GmbH', addresses: [{ line1: 'Sandhofer Str. 116', city: 'Mannheim', country: 'DE' }] }],
    },
    clusters: [['plain', 'us']],
    conflicts: 2,
  },
  {
    name: 'without bridges: leaveOut a split lets edge order place the formless name (the default)',
    members: {
      us: [{ name: 'Hamilton Medical, Inc.' }],
      plain: [{ name: 'HAMILTON MEDICAL' }],
      ch: [{ name: 'Hamilton Medical AG' }],
    },
    splitWhen: [{ name: 'otherLegalForm', when: [{ comparator: 'legalForm', outcome: 'mismatch' }] }],
    clusters: [['plain', 'us']],
    conflicts: 1,
  },
  {
    // supplier-3.6.0 (clusterReview.bridgeAnchors): a payment-file name without an address but with the legal form
    // the US records spell (`… CORP` = `… CORPORATION`) is evidence for that side; the foreign S.A. shares no form.
    name: 'a name without a country that spells the explicit legal form of one side joins that side (bridge anchor)',
    members: {
      us: [
        { name: 'Halvorsen Biologics Corporation', addresses: [{ line1: '400 Wood Rd', city: 'Braintree', state: 'MA', country: 'US' }] },
      ],
      us2: [{ name: 'HALVORSEN BIOLOGICS CORP', addresses: [{ line1: 'PO Box 2231', city: 'Boston', state: 'MA', country: 'US' }] }],
      payee: [{ name: 'HALVORSEN BIOLOGICS CORP' }],
      ch: [{ name: 'Halvorsen Biologics S.A.', addresses: [{ line1: 'Route de Genève 12', city: 'Nyon', country: 'CH' }] }],
    },
    clusters: [['payee', 'us', 'us2']],
    conflicts: 2,
  },
  {
    name: 'a formless name whose alternate names state the legal form is placed by it (legalForm reads alternateNames)',
    members: {
      us: [{ name: 'Halvorsen Biologics, Inc.', addresses: [{ line1: '400 Wood Rd', city: 'Braintree', state: 'MA', country: 'US' }] }],
      label: [{ name: 'Halvorsen Biologics', alternateNames: ['HALB', 'Halvorsen Biologics Inc.'] }],
      ch: [{ name: 'Halvorsen Biologics Sàrl', addresses: [{ line1: 'Route de Genève 12', city: 'Nyon', country: 'CH' }] }],
    },
    clusters: [['label', 'us']],
    conflicts: 2,
  },
  {
    name: 'without the anchor the payee name is still a bridge: a form shared by neither side places nothing',
    members: {
      us: [
        { name: 'Halvorsen Biologics Corporation', addresses: [{ line1: '400 Wood Rd', city: 'Braintree', state: 'MA', country: 'US' }] },
      ],
      payee: [{ name: 'HALVORSEN BIOLOGICS' }],
      ch: [{ name: 'Halvorsen Biologics S.A.', addresses: [{ line1: 'Route de Genève 12', city: 'Nyon', country: 'CH' }] }],
    },
    clusters: [],
    conflicts: 1,
  },
  {
    name: 'an AG converted to an SE stays one family: no split',
    members: {
      ag: [{ name: 'Fresenius Medical Care AG' }],
      plain: [{ name: 'FRESENIUS MEDICAL CARE' }],
      se: [{ name: 'Fresenius Medical Care SE' }],
    },
    clusters: [['ag', 'plain', 'se']],
  },
  {
    name: 'different tax ids are a conflict, not an edge',
    members: { a: [{ name: 'Owens & Minor', taxId: '54-1701843' }], b: [{ name: 'Owens & Minor', taxId: '54-1111111' }] },
    clusters: [],
    conflicts: 1,
  },
  {
    name: 'a trading subsidiary never shares a cluster with its parent (tradingSubsidiary, supplier-3.15.0)',
    members: {
      parent: [{ name: 'Veltrona Pharma AD' }],
      parentUpper: [{ name: 'VELTRONA PHARMA AD' }],
      trading: [{ name: 'Veltrona Pharma Trading AD' }],
      tradingUpper: [{ name: 'VELTRONA PHARMA TRADING AD' }],
    },
    clusters: [
      ['parent', 'parentUpper'],
      ['trading', 'tradingUpper'],
    ],
    conflicts: 4,
  },
  {
    name: 'a GmbH & Co. KG and a GmbH of one name at two addresses are two clusters (limitedPartnershipAndPartner)',
    members: {
      kg: [
        {
          name: 'Ostrander Medizintechnik GmbH & Co. KG',
          addresses: [{ line1: 'Wandsbeker Zollstrasse 87', city: 'Hamburg', postalCode: '22041', country: 'DE' }],
        },
      ],
      kgShort: [{ name: 'OSTRANDER MEDIZINTECHNIK GMBH + CO KG' }],
      gmbh: [
        {
          name: 'Ostrander Medizintechnik GmbH',
          addresses: [{ line1: 'Mariendorfer Damm 160', city: 'Berlin', postalCode: '12107', country: 'DE' }],
        },
      ],
      gmbhAgain: [{ name: 'OSTRANDER MEDIZINTECHNIK GMBH' }],
    },
    clusters: [
      ['gmbh', 'gmbhAgain'],
      ['kg', 'kgShort'],
    ],
    conflicts: 4,
  },
  {
    name: 'two numbered companies whose numbers differ by a transposition are two clusters (numberedCompany)',
    members: {
      first: [{ name: '2417836 ONTARIO INC.', addresses: [{ city: 'Mississauga', country: 'CA' }] }],
      firstAgain: [{ name: '2417836 Ontario Inc' }],
      second: [{ name: '2417863 ONTARIO INC.', addresses: [{ city: 'Mississauga', country: 'CA' }] }],
      secondAgain: [{ name: '2417863 Ontario Inc' }],
    },
    clusters: [
      ['first', 'firstAgain'],
      ['second', 'secondAgain'],
    ],
    conflicts: 4,
  },
  {
    name: 'two states of incorporation of one name are two clusters; a record stating none joins neither (otherStateOfIncorporation)',
    members: {
      ohio: [{ name: 'Tri-County Water Company (Ohio)' }],
      ohioUpper: [{ name: 'TRI-COUNTY WATER COMPANY (OHIO)' }],
      indiana: [{ name: 'Tri-County Water Company (Indiana)' }],
      indianaShort: [{ name: 'TRI-COUNTY WATER CO (INDIANA)' }],
      bare: [{ name: 'TRI-COUNTY WATER COMPANY' }],
    },
    clusters: [
      ['ohio', 'ohioUpper'],
      ['indiana', 'indianaShort'],
    ],
    conflicts: 4,
  },
  {
    name: 'a legal form of one country beside a country named in parentheses are two clusters; a GmbH beside (Schweiz) is one (otherJurisdictionOfLegalForm)',
    members: {
      doo: [{ name: 'KORAL, D.O.O.', addresses: [{ city: 'Ljubljana', country: 'SI' }] }],
      dooCity: [{ name: 'KORAL DOO LJUBLJANA' }],
      tunis: [{ name: 'KORAL (TUNISIE)' }],
      tunisAgain: [{ name: 'KORAL (TUNISIA)' }],
      swiss: [{ name: 'Helvamed GmbH (Schweiz)' }],
      swissAgain: [{ name: 'HELVAMED GMBH' }],
    },
    clusters: [
      ['doo', 'dooCity'],
      ['tunis', 'tunisAgain'],
      ['swiss', 'swissAgain'],
    ],
    conflicts: 4,
  },
  {
    name: "a court caption's jurisdiction clause is no second legal form: the holding company's spellings stay one cluster (marker ignore)",
    members: {
      caption: [{ name: 'Corvane Holdings, Inc., a Delaware corporation' }],
      upper: [{ name: 'CORVANE HOLDINGS INC' }],
    },
    clusters: [['caption', 'upper']],
  },
  {
    name: 'at one address the GmbH is the KG written short: no split',
    members: {
      kg: [
        {
          name: 'Stellwagen Atemtechnik GmbH + Co. KG',
          addresses: [{ line1: 'Holtenauer Strasse 12', city: 'Kiel', postalCode: '24105', country: 'DE' }],
        },
      ],
      short: [
        {
          name: 'STELLWAGEN ATEMTECHNIK GMBH',
          addresses: [{ line1: 'HOLTENAUER STR 12', city: 'Kiel', postalCode: '24105', country: 'DE' }],
        },
      ],
    },
    clusters: [['kg', 'short']],
  },
];

function graphOf(fixture: Fixture, compiled: CompiledRules) {
  const recordId = (key: string, i: number) => `supplier|test|${key}-${i}`;
  const members = Object.entries(fixture.members).map(([key, records]) => ({
    goldenId: key,
    records: records.map((canonical, i) => ({
      id: recordId(key, i),
      prepared: prepareRecord({ sourceId: `${key}-${i}`, ...canonical }, compiled),
      canonical,
    })),
  }));
  const pairs = new Set((fixture.notAMatch ?? []).map(([x, y]) => [recordId(x, 0), recordId(y, 0)].sort().join('~')));
  return buildClusterGraph({ members, rules: compiled, isNotAMatch: (x, y) => pairs.has([x, y].sort().join('~')) });
}

describe('buildClusterGraph', () => {
  test.each(fixtures)('$name', (fixture) => {
    const review = present(rules.rules.clusterReview, 'the shipped clusterReview');
    const compiled = fixture.edges
      ? compileRules({ ...rules.rules, version: `supplier-test-${at(fixture.edges, 0).name}`, clusterReview: { edges: fixture.edges } })
      : fixture.splitWhen
        ? compileRules({ ...rules.rules, version: 'supplier-test-split', clusterReview: { ...review, splitWhen: fixture.splitWhen } })
        : rules;
    const graph = graphOf(fixture, compiled);
    expect(graph.clusters.map((c) => [...c].sort()).sort()).toEqual(fixture.clusters.map((c) => [...c].sort()).sort());
    expect(graph.conflicts).toHaveLength(fixture.conflicts ?? 0);
    for (const [pair, rule] of Object.entries(fixture.rules ?? {}))
      expect(graph.edges.find((e) => [e.a, e.b].sort().join('') === pair)?.rule).toBe(rule);
    // Every cluster is connected by the edges kept, and no kept edge crosses clusters.
    for (const cluster of graph.clusters) {
      for (const id of cluster)
        expect(graph.edges.some((e) => (e.a === id || e.b === id) && cluster.includes(e.a) && cluster.includes(e.b))).toBe(true);
    }
  });

  test('rules without clusterReview give no edges and no clusters', () => {
    const { clusterReview: _omitted, ...plain } = rules.rules;
    const graph = graphOf(at(fixtures, 0), compileRules({ ...plain, version: 'supplier-no-clusters' }));
    expect(graph).toMatchObject({ edges: [], clusters: [] });
  });
});

describe('clusterReview in the rule set', () => {
  const edge = (change: Record<string, unknown>) => ({
    edges: [{ name: 'names', when: [{ comparator: 'name', scoreAtLeast: 0.9 }], ...change }],
  });
  test.each([
    { change: { edges: [] }, path: 'clusterReview.edges', code: 'MIN_ITEMS' },
    { change: edge({ when: [] }), path: 'clusterReview.edges[0].when', code: 'MIN_ITEMS' },
    {
      change: edge({ when: [{ comparator: 'name', scoreAtLeast: 2 }] }),
      path: 'clusterReview.edges[0].when[0].scoreAtLeast',
      code: 'MAXIMUM',
    },
    {
      change: edge({ probabilityAtLeast: 1.5 }),
      path: 'clusterReview.edges[0].probabilityAtLeast',
      code: 'MAXIMUM',
    },
    { change: { ...edge({}), maxMembers: 1 }, path: 'clusterReview.maxMembers', code: 'MINIMUM' },
    { change: { ...edge({}), extra: true }, path: 'clusterReview.extra', code: 'ADDITIONAL_PROPERTY' },
    {
      change: edge({ when: [{ comparator: 'nickname', outcome: 'match' }] }),
      path: 'clusterReview.edges[0].when[0].comparator',
      code: 'UNKNOWN_COMPARATOR',
    },
    {
      change: edge({ unless: [{ comparator: 'fax', outcome: 'mismatch' }] }),
      path: 'clusterReview.edges[0].unless[0].comparator',
      code: 'UNKNOWN_COMPARATOR',
    },
    { change: { edges: [edge({}).edges[0], edge({}).edges[0]] }, path: 'clusterReview.edges', code: 'DUPLICATE_NAME' },
    {
      change: { ...edge({}), splitWhen: [{ name: 'form', when: [{ comparator: 'taxForm', outcome: 'mismatch' }] }] },
      path: 'clusterReview.splitWhen[0].when[0].comparator',
      code: 'UNKNOWN_COMPARATOR',
    },
    { change: { ...edge({}), splitWhen: [{ name: 'form', when: [] }] }, path: 'clusterReview.splitWhen[0].when', code: 'MIN_ITEMS' },
    {
      change: { ...edge({}), splitWhen: [{ name: 'form', when: [{ comparator: 'legalForm', outcome: 'mismatch' }], bridges: 'dropAll' }] },
      path: 'clusterReview.splitWhen[0].bridges',
      code: 'ENUM',
    },
    {
      change: { ...edge({}), bridgeAnchors: [[{ comparator: 'taxForm', outcome: 'match' }]] },
      path: 'clusterReview.bridgeAnchors[0][0].comparator',
      code: 'UNKNOWN_COMPARATOR',
    },
    { change: { ...edge({}), bridgeAnchors: [[]] }, path: 'clusterReview.bridgeAnchors[0]', code: 'MIN_ITEMS' },
    {
      change: {
        ...edge({}),
        splitWhen: [
          { name: 'trading', when: [{ comparator: 'name', outcome: 'partial' }], marker: { fields: ['name'], pattern: '(TRADING' } },
        ],
      },
      path: 'clusterReview.splitWhen[0].marker.pattern',
      code: 'INVALID_PATTERN',
    },
    {
      change: {
        ...edge({}),
        splitWhen: [{ name: 'trading', when: [{ comparator: 'name', outcome: 'partial' }], marker: { fields: [], pattern: 'TRADING' } }],
      },
      path: 'clusterReview.splitWhen[0].marker.fields',
      code: 'MIN_ITEMS',
    },
    {
      change: {
        ...edge({}),
        splitWhen: [
          {
            name: 'holding',
            when: [{ comparator: 'name', outcome: 'partial' }],
            marker: { fields: ['name'], pattern: 'HOLDING', otherPattern: 'INC[' },
          },
        ],
      },
      path: 'clusterReview.splitWhen[0].marker.otherPattern',
      code: 'INVALID_PATTERN',
    },
    {
      change: {
        ...edge({}),
        splitWhen: [
          {
            name: 'numbered',
            when: [{ comparator: 'name', outcome: 'partial' }],
            marker: { fields: ['name'], pattern: '^(\\d+)', compare: 'values', otherPattern: 'LTD' },
          },
        ],
      },
      path: 'clusterReview.splitWhen[0].marker.otherPattern',
      code: 'INVALID_MARKER',
    },
    {
      change: {
        ...edge({}),
        splitWhen: [
          {
            name: 'forms',
            when: [{ comparator: 'name', outcome: 'partial' }],
            marker: { fields: ['name'], pattern: 'DOO', values: { DOO: 'SI' } },
          },
        ],
      },
      path: 'clusterReview.splitWhen[0].marker.values',
      code: 'INVALID_MARKER',
    },
    {
      change: {
        ...edge({}),
        splitWhen: [
          {
            name: 'numbered',
            when: [{ comparator: 'name', outcome: 'partial' }],
            marker: { fields: ['name'], pattern: 'X', compare: 'count' },
          },
        ],
      },
      path: 'clusterReview.splitWhen[0].marker.compare',
      code: 'ENUM',
    },
    {
      change: { ...edge({}), attachLoneMember: { name: 'lone', probabilityAtLeast: 0.5, othersBelow: 0.6 } },
      path: 'clusterReview.attachLoneMember.othersBelow',
      code: 'THRESHOLD_ORDER',
    },
    {
      change: { ...edge({}), attachLoneMember: { name: 'lone', probabilityAtLeast: 0.5 } },
      path: 'clusterReview.attachLoneMember.othersBelow',
      code: 'REQUIRED',
    },
    {
      change: { ...edge({}), attachLoneMember: { name: 'lone', probabilityAtLeast: 0.5, othersBelow: 0.1, when: [{ comparator: 'fax' }] } },
      path: 'clusterReview.attachLoneMember.when[0].comparator',
      code: 'UNKNOWN_COMPARATOR',
    },
    {
      change: {
        ...edge({}),
        attachLoneMember: { name: 'lone', probabilityAtLeast: 0.5, othersBelow: 0.1, unless: [{ comparator: 'fax' }] },
      },
      path: 'clusterReview.attachLoneMember.unless[0].comparator',
      code: 'UNKNOWN_COMPARATOR',
    },
  ])('$code at $path', ({ change, path, code }) => {
    const problems = validateRules({ ...rules.rules, clusterReview: change });
    expect(problems.map((p) => ({ path: p.path, code: p.code }))).toContainEqual({ path, code });
  });

  test('the shipped supplier rules are valid with it', () => {
    expect(validateRules(rules.rules)).toEqual([]);
    expect(rules.rules.clusterReview?.edges.length).toBeGreaterThan(0);
  });
});

describe('scoreGroups', () => {
  const entityOf = new Map([
    ['r1', 'A'],
    ['r2', 'A'],
    ['r3', 'A'],
    ['r4', 'B'],
    ['r5', 'B'],
    ['r6', 'C'],
  ]);
  test.each([
    { groups: [], tp: 0, fp: 0, fn: 4 },
    {
      groups: [
        ['r1', 'r2', 'r3'],
        ['r4', 'r5'],
      ],
      tp: 4,
      fp: 0,
      fn: 0,
    },
    {
      groups: [
        ['r1', 'r2'],
        ['r2', 'r1'],
        ['r3', 'r4'],
      ],
      tp: 1,
      fp: 1,
      fn: 3,
    },
    { groups: [['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'unlabelled']], tp: 4, fp: 11, fn: 0 },
  ])('$groups → TP $tp FP $fp FN $fn', ({ groups, tp, fp, fn }) => {
    expect(scoreGroups({ groups, entityOf })).toMatchObject({ truePositives: tp, falsePositives: fp, falseNegatives: fn });
  });
});
