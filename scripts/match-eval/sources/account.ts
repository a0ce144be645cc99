/**
 * Hand-written chart-of-accounts entities for the evaluation corpus: one hospital system ("NVH",
 * moving from Lawson to Workday with PeopleSoft at an acquired hospital "LKH") whose accounts follow
 * the New York expense-code convention `NNNN.NN` (6 daily/ambulatory, 7 ancillary, 8 other; suffix .00
 * salaries, .20 benefits, .40 medical/surgical supplies) and Medicare cost-report lines. Company codes
 * are the enterprise legal-entity codes a mapping's company lookup produces.
 *
 * Labelling: one entity = one account of one company (effective-dated rows and reworded descriptions
 * of it are the same); the same number in another company, another department or another expense
 * class is a different account; a cost center is not the ledger account that shares its digits.
 */

export interface AccountRecordSpec {
  s: 'peoplesoft' | 'lawson' | 'workday' | 'oracle';
  n: string;
  no?: string;
  kind?: 'gl-account' | 'cost-center';
  type?: 'asset' | 'liability' | 'equity' | 'revenue' | 'expense' | 'statistical';
  co?: string;
  line?: string;
  eff?: string;
  inactive?: boolean;
}

export interface AccountEntity {
  key: string;
  records: AccountRecordSpec[];
}

export const ACCOUNT_ENTITIES: AccountEntity[] = [
  {
    key: 'nvh-6010.40',
    records: [
      { s: 'lawson', n: 'MED/SURG SUPPLIES - 6 EAST', no: '6010.40', kind: 'gl-account', type: 'expense', co: 'NVH', line: '30' },
      {
        s: 'workday',
        n: 'Medical and Surgical Supplies - Med/Surg Nursing',
        no: '6010-40',
        kind: 'gl-account',
        type: 'expense',
        co: 'NVH',
      },
      { s: 'oracle', n: 'Med Surg Supplies Adult Med Surg', no: '601040', kind: 'gl-account', type: 'expense', co: 'NVH', line: '30' },
    ],
  },
  {
    key: 'nvh-7010.40',
    records: [
      { s: 'lawson', n: 'MED/SURG SUPPLIES - OR', no: '7010.40', kind: 'gl-account', type: 'expense', co: 'NVH', line: '50' },
      { s: 'workday', n: 'Medical and Surgical Supplies - Operating Room', no: '7010-40', kind: 'gl-account', type: 'expense', co: 'NVH' },
      { s: 'oracle', n: 'Med Surg Supplies Surgery', no: '701040', kind: 'gl-account', type: 'expense', co: 'NVH', line: '50' },
    ],
  },
  {
    key: 'nvh-7600.40',
    records: [
      { s: 'lawson', n: 'MED/SURG SUPPLIES - LAB', no: '7600.40', kind: 'gl-account', type: 'expense', co: 'NVH', line: '60' },
      { s: 'workday', n: 'Medical and Surgical Supplies - Laboratory', no: '7600.40', kind: 'gl-account', type: 'expense', co: 'NVH' },
    ],
  },
  {
    key: 'nvh-6010.00',
    records: [
      { s: 'lawson', n: 'SALARIES - 6 EAST', no: '6010.00', kind: 'gl-account', type: 'expense', co: 'NVH', line: '30' },
      { s: 'workday', n: 'Salaries and Wages - Med/Surg Nursing', no: '6010-00', kind: 'gl-account', type: 'expense', co: 'NVH' },
    ],
  },
  {
    key: 'nvh-6010.20',
    records: [
      { s: 'lawson', n: 'EMPLOYEE BENEFITS - 6 EAST', no: '6010.20', kind: 'gl-account', type: 'expense', co: 'NVH', line: '30' },
      { s: 'workday', n: 'Employee Benefits - Med/Surg Nursing', no: '6010-20', kind: 'gl-account', type: 'expense', co: 'NVH' },
      { s: 'oracle', n: 'Fringe Benefits Adult Med Surg', no: '601020', kind: 'gl-account', type: 'expense', co: 'NVH' },
    ],
  },
  {
    key: 'lkh-6010.40',
    records: [
      { s: 'peoplesoft', n: 'MED/SURG SUPPLIES-MED SURG', no: '601040', kind: 'gl-account', type: 'expense', co: 'LKH', eff: '2019-07-01' },
      {
        s: 'peoplesoft',
        n: 'MEDICAL SURGICAL SUPPLIES - MED/SURG UNIT',
        no: '601040',
        kind: 'gl-account',
        type: 'expense',
        co: 'LKH',
        eff: '2023-01-01',
      },
      {
        s: 'workday',
        n: 'Medical and Surgical Supplies - Med/Surg Nursing (Lakeview)',
        no: '6010-40',
        kind: 'gl-account',
        type: 'expense',
        co: 'LKH',
      },
    ],
  },
  {
    key: 'lkh-7010.40',
    records: [
      { s: 'peoplesoft', n: 'MED/SURG SUPPLIES-SURGERY', no: '701040', kind: 'gl-account', type: 'expense', co: 'LKH', eff: '2019-07-01' },
      {
        s: 'workday',
        n: 'Medical and Surgical Supplies - Operating Room (Lakeview)',
        no: '7010.40',
        kind: 'gl-account',
        type: 'expense',
        co: 'LKH',
      },
    ],
  },
  {
    key: 'nvh-cc-6010',
    records: [
      { s: 'lawson', n: '6 EAST MED SURG NURSING', no: '6010', kind: 'cost-center', co: 'NVH', line: '30' },
      { s: 'workday', n: 'Cost Center 6010 Medical Surgical Nursing Unit', no: '6010', kind: 'cost-center', co: 'NVH' },
    ],
  },
  {
    key: 'nvh-gl-6010',
    records: [
      { s: 'oracle', n: 'Medical Surgical Nursing Unit', no: '6010', kind: 'gl-account', type: 'statistical', co: 'NVH' },
      { s: 'workday', n: 'Patient Days - Medical Surgical Nursing Unit', no: '6010', kind: 'gl-account', type: 'statistical', co: 'NVH' },
    ],
  },
  {
    key: 'nvh-4000.00',
    records: [
      { s: 'lawson', n: 'INPATIENT ROUTINE REVENUE', no: '4000.00', kind: 'gl-account', type: 'revenue', co: 'NVH' },
      { s: 'workday', n: 'Inpatient Revenue - Routine', no: '4000-00', kind: 'gl-account', type: 'revenue', co: 'NVH' },
      { s: 'oracle', n: 'IP Routine Revenue', no: '400000', kind: 'gl-account', type: 'revenue', co: 'NVH' },
    ],
  },
  {
    key: 'nvh-4100.00',
    records: [
      { s: 'lawson', n: 'OUTPATIENT REVENUE', no: '4100.00', kind: 'gl-account', type: 'revenue', co: 'NVH' },
      { s: 'workday', n: 'Outpatient Revenue', no: '4100-00', kind: 'gl-account', type: 'revenue', co: 'NVH' },
    ],
  },
  {
    key: 'nvh-1010.10',
    records: [
      { s: 'lawson', n: 'CASH - OPERATING ACCOUNT', no: '1010.10', kind: 'gl-account', type: 'asset', co: 'NVH' },
      { s: 'workday', n: 'Cash - Operating', no: '1010-10', kind: 'gl-account', type: 'asset', co: 'NVH' },
      { s: 'oracle', n: 'Operating Cash', no: '101010', kind: 'gl-account', type: 'asset', co: 'NVH' },
    ],
  },
  {
    key: 'nvh-1010.20',
    records: [
      { s: 'lawson', n: 'CASH - PAYROLL ACCOUNT', no: '1010.20', kind: 'gl-account', type: 'asset', co: 'NVH' },
      { s: 'workday', n: 'Cash - Payroll', no: '1010-20', kind: 'gl-account', type: 'asset', co: 'NVH' },
    ],
  },
  {
    key: 'nvh-2010.00',
    records: [
      { s: 'lawson', n: 'ACCOUNTS PAYABLE - TRADE', no: '2010.00', kind: 'gl-account', type: 'liability', co: 'NVH' },
      { s: 'workday', n: 'Accounts Payable Trade', no: '2010-00', kind: 'gl-account', type: 'liability', co: 'NVH' },
      { s: 'oracle', n: 'AP Trade', no: '201000', kind: 'gl-account', type: 'liability', co: 'NVH' },
    ],
  },
  {
    key: 'lkh-2010.00',
    records: [
      { s: 'peoplesoft', n: 'ACCOUNTS PAYABLE TRADE', no: '201000', kind: 'gl-account', type: 'liability', co: 'LKH', eff: '2015-01-01' },
      { s: 'workday', n: 'Accounts Payable - Trade (Lakeview)', no: '2010-00', kind: 'gl-account', type: 'liability', co: 'LKH' },
    ],
  },
  {
    key: 'nvh-2020.00',
    records: [
      { s: 'lawson', n: 'ACCRUED PAYROLL', no: '2020.00', kind: 'gl-account', type: 'liability', co: 'NVH' },
      { s: 'workday', n: 'Accrued Salaries and Wages', no: '2020-00', kind: 'gl-account', type: 'liability', co: 'NVH' },
    ],
  },
  {
    key: 'nvh-7400.40',
    records: [
      { s: 'lawson', n: 'DRUGS - PHARMACY', no: '7400.40', kind: 'gl-account', type: 'expense', co: 'NVH', line: '15' },
      { s: 'workday', n: 'Pharmaceuticals - Pharmacy', no: '7400-40', kind: 'gl-account', type: 'expense', co: 'NVH' },
      { s: 'oracle', n: 'Drugs Pharmacy Dept', no: '740040', kind: 'gl-account', type: 'expense', co: 'NVH', line: '15' },
    ],
  },
];

export const ACCOUNT_NEGATIVES = [
  { a: 'nvh-6010.40#0', b: 'nvh-7010.40#0', differs: 'department' },
  { a: 'nvh-6010.40#1', b: 'nvh-7010.40#1', differs: 'department' },
  { a: 'nvh-6010.40#2', b: 'nvh-7010.40#2', differs: 'department' },
  { a: 'nvh-7010.40#0', b: 'nvh-7600.40#0', differs: 'department' },
  { a: 'nvh-7010.40#1', b: 'nvh-7600.40#1', differs: 'department' },
  { a: 'nvh-6010.40#0', b: 'nvh-6010.00#0', differs: 'expense class' },
  { a: 'nvh-6010.40#1', b: 'nvh-6010.20#1', differs: 'expense class' },
  { a: 'nvh-6010.00#1', b: 'nvh-6010.20#1', differs: 'expense class' },
  { a: 'nvh-6010.40#2', b: 'nvh-6010.20#2', differs: 'expense class' },
  { a: 'nvh-6010.40#1', b: 'lkh-6010.40#2', differs: 'company' },
  { a: 'nvh-6010.40#2', b: 'lkh-6010.40#0', differs: 'company' },
  { a: 'nvh-7010.40#1', b: 'lkh-7010.40#1', differs: 'company' },
  { a: 'nvh-2010.00#1', b: 'lkh-2010.00#1', differs: 'company' },
  { a: 'nvh-2010.00#2', b: 'lkh-2010.00#0', differs: 'company' },
  { a: 'nvh-cc-6010#1', b: 'nvh-gl-6010#1', differs: 'kind' },
  { a: 'nvh-cc-6010#0', b: 'nvh-gl-6010#0', differs: 'kind' },
  { a: 'nvh-4000.00#1', b: 'nvh-4100.00#1', differs: 'account' },
  { a: 'nvh-1010.10#0', b: 'nvh-1010.20#0', differs: 'account' },
  { a: 'nvh-1010.10#1', b: 'nvh-1010.20#1', differs: 'account' },
];
