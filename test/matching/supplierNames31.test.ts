/**
 * Session 31 (suppliers31, supplier-3.42.0): supplier cluster tasks read names, not strings, and take a merged vendor's
 * last spelling in. Fixture tables over the cluster graph under the shipped supplier rules, with made-up vendors (none
 * of a corpus): a value stating another name of its own entity (`FKA`, `vormals`) is read name by name by the split
 * markers; `SE CO KGAA` (a payment file's `SE & Co. KGaA`) is a limited partnership's name; the UK / Irish
 * `X (Holdings) Limited` is a holding company's; brackets restating each other's names are an alias; and a lone spelling
 * that resembles only a golden record of several merged records joins it in a task of two (`toMergedRecords`). Each
 * convention has its look-alikes that must stay apart beside it.
 */
import { describe, expect, test } from 'vitest';
import { loadRules, prepareRecord } from '../../server/matching';
import { buildClusterGraph } from '../../server/stewardship';
import { withAttachedMembers } from '../../server/stewardship/clusterGraph';

const rules = await loadRules('supplier');

type Members = Record<string, Array<Record<string, unknown>>>;

function graphOf(members: Members) {
  return buildClusterGraph({
    members: Object.entries(members).map(([key, records]) => ({
      goldenId: key,
      records: records.map((canonical, i) => ({
        id: `supplier|test|${key}-${i}`,
        prepared: prepareRecord({ sourceId: `${key}-${i}`, ...canonical }, rules),
        canonical,
      })),
    })),
    rules,
    isNotAMatch: () => false,
  });
}

const sorted = (clusters: string[][]): string[][] => clusters.map((c) => [...c].sort()).sort();
const together = (clusters: string[][], x: string, y: string): boolean => clusters.some((c) => c.includes(x) && c.includes(y));

const at = (line1: string, city: string, postalCode: string, country: string) => ({
  addresses: [{ purposes: ['main'], line1, city, postalCode, country }],
});
const kassel = at('Wilhelmshöher Allee 212', 'Kassel', '34119', 'DE');
const goettingen = at('Robert-Koch-Strasse 40', 'Göttingen', '37075', 'DE');
const cork = at('Unit 4 Little Island Business Park', 'Cork', 'T45 XY12', 'IE');

interface Fixture {
  name: string;
  members: Members;
  /** Pairs of member keys that must share a cluster. */
  together?: Array<[string, string]>;
  /** Pairs of member keys that must never share a cluster (the look-alikes). */
  apart?: Array<[string, string]>;
}

const fixtures: Fixture[] = [
  {
    name: 'SE CO KGAA (a payment file dropping & and the dots) is the SE & Co. KGaA, not its general partner',
    members: {
      kgaa: [{ name: 'Wendlinger Orthopädie SE & Co. KGaA', ...kassel }],
      bare: [{ name: 'WENDLINGER ORTHOPADIE SE CO KGAA' }],
    },
    together: [['kgaa', 'bare']],
  },
  {
    name: 'GMBH CO KG without an address stays apart from the GmbH of one name elsewhere',
    members: {
      gmbh: [{ name: 'Haselbeck Hörakustik GmbH', ...goettingen }],
      kg: [{ name: 'HASELBECK HORAKUSTIK GMBH CO KG' }],
    },
    apart: [['gmbh', 'kg']],
  },
  {
    name: 'an AG stating its former KGaA form (vormals) is the AG: its plain spelling joins it',
    members: {
      stated: [{ name: 'Auerbach Dialyse AG (vormals AG & Co. KGaA)', ...kassel }],
      plain: [{ name: 'AUERBACH DIALYSE AG' }],
    },
    together: [['stated', 'plain']],
  },
  {
    name: 'a KGaA of one family name stays apart from the AG (the AG only states it was one)',
    members: {
      stated: [{ name: 'Auerbach Dialyse AG (vormals AG & Co. KGaA)', ...kassel }],
      kgaa: [{ name: 'AUERBACH DIALYSE SE CO KGAA' }],
    },
    apart: [['stated', 'kgaa']],
  },
  {
    name: 'a renamed holding (X INC FKA Y HOLDINGS INC) reads both names and joins the operating spelling of its new name',
    members: {
      renamed: [{ name: 'PELLCREST CLINICAL INC FKA TORWOOD RESEARCH HOLDINGS INC' }],
      plain: [{ name: 'Pellcrest Clinical, Inc.' }],
    },
    together: [['renamed', 'plain']],
  },
  {
    name: 'a holding company and its operating company of one name stay two tasks',
    members: {
      holding: [{ name: 'Pellcrest Clinical Holdings, Inc.' }],
      holdingUpper: [{ name: 'PELLCREST CLINICAL HOLDINGS INC' }],
      operating: [{ name: 'Pellcrest Clinical, Inc.' }],
      operatingUpper: [{ name: 'PELLCREST CLINICAL INC' }],
    },
    together: [
      ['holding', 'holdingUpper'],
      ['operating', 'operatingUpper'],
    ],
    apart: [['holding', 'operating']],
  },
  {
    name: 'X (Holdings) Limited (UK / Irish register style) is the holding company, never in the operating company\u2019s task',
    members: {
      holding: [{ name: 'Carrowmore & Sons (Holdings) Limited', ...cork }],
      holdingUpper: [{ name: 'CARROWMORE AND SONS HOLDINGS LTD' }],
      operating: [{ name: 'Carrowmore and Sons Limited', ...cork }],
      operatingUpper: [{ name: 'CARROWMORE AND SONS LTD' }],
    },
    together: [['operating', 'operatingUpper']],
    apart: [
      ['holding', 'operating'],
      ['holding', 'operatingUpper'],
      ['holdingUpper', 'operating'],
    ],
  },
  {
    name: 'two brackets restating each other\u2019s names are one alias, not two qualifiers',
    members: {
      legal: [{ name: 'Tremont Tissue Foundation, Inc. (TTF Biologics)' }],
      brand: [{ name: 'TTF Biologics (Tremont Tissue Foundation)' }],
    },
    together: [['legal', 'brand']],
  },
  {
    name: 'a short brand with its legal name in brackets beside the legal name with its parent group in brackets',
    members: {
      payee: [{ name: 'Halvergate (Halvergate North Finance PLC)' }],
      register: [{ name: 'Halvergate North Finance plc (Ormside Banking Group)' }],
    },
    together: [['payee', 'register']],
  },
  {
    name: 'one brand written with two operating companies in brackets stays two tasks',
    members: {
      east: [{ name: 'Corvane Power (Ohio Valley Electric)' }],
      west: [{ name: 'Corvane Power (Lake Erie Electric)' }],
    },
    apart: [['east', 'west']],
  },
];

describe('supplier cluster split markers read names, not strings (supplier-3.42.0)', () => {
  test.each(fixtures)('$name', (fixture) => {
    const { clusters } = graphOf(fixture.members);
    for (const [x, y] of fixture.together ?? []) expect(together(clusters, x, y), `${x} with ${y}: ${JSON.stringify(clusters)}`).toBe(true);
    for (const [x, y] of fixture.apart ?? [])
      expect(together(clusters, x, y), `${x} apart from ${y}: ${JSON.stringify(clusters)}`).toBe(false);
  });
});

describe('a lone spelling of a merged vendor in no cluster joins it (attachLoneMember.toMergedRecords)', () => {
  const merged = [{ name: 'Quenby Audiology OU' }, { name: 'QUENBY AUDIOLOGY OÜ' }];

  test('a trade-word spelling that resembles only the merged golden record is attachable, and the task has both', () => {
    const graph = graphOf({ merged, lone: [{ name: 'Quenby Audiology Sales OU' }] });
    expect(graph.clusters).toEqual([]);
    expect(graph.attachable.map((edge) => [edge.a, edge.b].sort())).toEqual([['lone', 'merged']]);
    expect(graph.attachable[0]?.rule).toBe('onlyLookalikeOfOneCluster');
    expect(sorted(withAttachedMembers(graph, new Set(['lone'])).clusters)).toEqual([['lone', 'merged']]);
  });

  test('a listed parent (X N.V.) beside its merged operating company (X Nederland B.V.) is not attachable', () => {
    const operating = [{ name: 'Brelmont Nederland B.V.' }, { name: 'BRELMONT NEDERLAND BV' }];
    const graph = graphOf({ operating, parent: [{ name: 'Brelmont N.V.' }] });
    expect(graph.attachable).toEqual([]);
  });

  test('a spelling that also resembles another vendor stays in pairwise review', () => {
    const graph = graphOf({ merged, other: [{ name: 'Quenby Sales OU' }], lone: [{ name: 'Quenby Audiology Sales OU' }] });
    expect(graph.attachable).toEqual([]);
  });

  test('a golden record of one record is no target: two lone records are no cluster of their own', () => {
    const graph = graphOf({ single: [{ name: 'Quenby Audiology OU' }], lone: [{ name: 'Quenby Audiology Sales OU' }] });
    expect(graph.attachable).toEqual([]);
  });

  test('two merged golden records never attach to each other (a vendor in its own right is no stray spelling)', () => {
    const graph = graphOf({ merged, sales: [{ name: 'Quenby Audiology Sales OU' }, { name: 'QUENBY AUDIOLOGY SALES OÜ' }] });
    expect(graph.attachable).toEqual([]);
  });
});
