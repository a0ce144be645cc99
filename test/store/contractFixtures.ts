/** Fixture tables for the store contract: seed items, filters with expected ids, updates with expected fields. */
import type { Document, Filter, Update } from '../../server/store/types';

export type Item = Document & {
  sku?: string;
  gtin?: string;
  qty?: number;
  tags?: string[];
  status?: string;
  vendor?: { id: string; name: string };
  lines?: Array<{ uom: string; qty: number }>;
};

export const ITEMS: Item[] = [
  {
    _id: 'i1',
    sku: 'A-1',
    gtin: '00012345600012',
    qty: 5,
    tags: ['sterile', 'latex-free'],
    status: 'active',
    vendor: { id: 'v1', name: 'Medline' },
    lines: [
      { uom: 'EA', qty: 1 },
      { uom: 'CS', qty: 12 },
    ],
  },
  {
    _id: 'i2',
    sku: 'A-2',
    gtin: '00012345600029',
    qty: 0,
    tags: ['sterile'],
    status: 'inactive',
    vendor: { id: 'v2', name: 'Cardinal' },
    lines: [{ uom: 'BX', qty: 10 }],
  },
  { _id: 'i3', sku: 'B-1', qty: 12, tags: [], status: 'active', vendor: { id: 'v1', name: 'Medline' } },
  { _id: 'i4', sku: 'B-2', gtin: null as unknown as string, qty: 7, status: 'draft' },
  {
    _id: 'i5',
    sku: 'c-3',
    qty: 30,
    tags: ['latex-free', 'single-use', 'sterile'],
    status: 'active',
    vendor: { id: 'v3', name: 'Owens & Minor' },
  },
];

export const FILTER_CASES: Array<{ name: string; filter: Filter; ids: string[] }> = [
  { name: 'implicit equality', filter: { status: 'active' }, ids: ['i1', 'i3', 'i5'] },
  { name: '$eq', filter: { sku: { $eq: 'A-2' } }, ids: ['i2'] },
  { name: '$ne', filter: { status: { $ne: 'active' } }, ids: ['i2', 'i4'] },
  { name: '$gt', filter: { qty: { $gt: 7 } }, ids: ['i3', 'i5'] },
  { name: '$gte', filter: { qty: { $gte: 7 } }, ids: ['i3', 'i4', 'i5'] },
  { name: '$lt', filter: { qty: { $lt: 5 } }, ids: ['i2'] },
  { name: '$lte', filter: { qty: { $lte: 5 } }, ids: ['i1', 'i2'] },
  { name: '$in', filter: { sku: { $in: ['A-1', 'B-2', 'nope'] } }, ids: ['i1', 'i4'] },
  { name: '$nin', filter: { status: { $nin: ['active', 'draft'] } }, ids: ['i2'] },
  { name: '$exists true', filter: { gtin: { $exists: true } }, ids: ['i1', 'i2', 'i4'] },
  { name: '$exists false', filter: { gtin: { $exists: false } }, ids: ['i3', 'i5'] },
  { name: 'null matches null and missing', filter: { gtin: null }, ids: ['i3', 'i4', 'i5'] },
  { name: '$regex', filter: { sku: { $regex: '^b-', $options: 'i' } }, ids: ['i3', 'i4'] },
  { name: '$and', filter: { $and: [{ status: 'active' }, { qty: { $lt: 20 } }] }, ids: ['i1', 'i3'] },
  { name: '$or', filter: { $or: [{ sku: 'A-2' }, { qty: 30 }] }, ids: ['i2', 'i5'] },
  { name: '$not', filter: { qty: { $not: { $gt: 5 } } }, ids: ['i1', 'i2'] },
  { name: 'array contains', filter: { tags: 'latex-free' }, ids: ['i1', 'i5'] },
  { name: '$all', filter: { tags: { $all: ['sterile', 'latex-free'] } }, ids: ['i1', 'i5'] },
  { name: '$size', filter: { tags: { $size: 0 } }, ids: ['i3'] },
  { name: '$elemMatch', filter: { lines: { $elemMatch: { uom: 'CS', qty: { $gte: 12 } } } }, ids: ['i1'] },
  { name: 'dotted path', filter: { 'vendor.name': 'Medline' }, ids: ['i1', 'i3'] },
  { name: 'dotted path through array', filter: { 'lines.uom': 'BX' }, ids: ['i2'] },
  // Shapes served by the embedded store's compiled fast predicate (and, for ranges, ordered index walks).
  { name: '$in with null matches null and missing', filter: { gtin: { $in: [null, '00012345600029'] } }, ids: ['i2', 'i3', 'i4', 'i5'] },
  { name: '$in on an array field', filter: { tags: { $in: ['single-use', 'nope'] } }, ids: ['i5'] },
  { name: 'dotted $exists', filter: { 'vendor.id': { $exists: true } }, ids: ['i1', 'i2', 'i3', 'i5'] },
  { name: 'dotted $exists false through array', filter: { 'lines.uom': { $exists: false } }, ids: ['i3', 'i4', 'i5'] },
  { name: 'dotted null with missing parent', filter: { 'vendor.name': null }, ids: ['i4'] },
  {
    name: '$and of equality and dotted $in',
    filter: { $and: [{ status: 'active' }, { 'vendor.id': { $in: ['v1', 'v3'] } }] },
    ids: ['i1', 'i3', 'i5'],
  },
  { name: 'equality plus range', filter: { 'vendor.name': 'Medline', qty: { $gte: 5 } }, ids: ['i1', 'i3'] },
  { name: 'a number does not equal its string', filter: { qty: '5' }, ids: [] },
  {
    name: 'equality and $exists on one field',
    filter: { status: { $in: ['active', 'draft'], $exists: true }, qty: { $eq: 7 } },
    ids: ['i4'],
  },
  { name: 'string range', filter: { sku: { $gt: 'A-2', $lte: 'B-2' } }, ids: ['i3', 'i4'] },
  { name: '_id range', filter: { _id: { $gte: 'i2', $lt: 'i4' } }, ids: ['i2', 'i3'] },
  { name: 'range of another type matches nothing', filter: { qty: { $gt: 'a' } }, ids: [] },
];

export const UPDATE_CASES: Array<{ name: string; update: Update; expected: Record<string, unknown> }> = [
  {
    name: '$set (nested)',
    update: { $set: { status: 'retired', 'vendor.name': 'Medline Industries' } },
    expected: { status: 'retired', vendor: { id: 'v1', name: 'Medline Industries' } },
  },
  { name: '$unset', update: { $unset: { gtin: '' } }, expected: { gtin: undefined } },
  { name: '$inc', update: { $inc: { qty: -2 } }, expected: { qty: 3 } },
  { name: '$push', update: { $push: { tags: 'new' } }, expected: { tags: ['sterile', 'latex-free', 'new'] } },
  { name: '$addToSet existing', update: { $addToSet: { tags: 'sterile' } }, expected: { tags: ['sterile', 'latex-free'] } },
  { name: '$addToSet new', update: { $addToSet: { tags: 'x' } }, expected: { tags: ['sterile', 'latex-free', 'x'] } },
  { name: '$pull', update: { $pull: { tags: 'sterile' } }, expected: { tags: ['latex-free'] } },
  { name: '$max raises', update: { $max: { qty: 9 } }, expected: { qty: 9 } },
  { name: '$max keeps', update: { $max: { qty: 1 } }, expected: { qty: 5 } },
  { name: '$min lowers', update: { $min: { qty: 1 } }, expected: { qty: 1 } },
  {
    name: '$setOnInsert ignored on update',
    update: { $set: { status: 'x' }, $setOnInsert: { createdBy: 'seed' } },
    expected: { status: 'x', createdBy: undefined },
  },
];
