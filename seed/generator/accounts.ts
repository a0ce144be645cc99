/** Chart-of-accounts payloads: PeopleSoft GL_ACCOUNT_TBL/DEPT_TBL, Lawson GLCHARTDTL/GLNAMES, Workday ledger accounts. */
import type { Random } from './random';
import type { RecordRef } from './truth';
import { TruthBuilder } from './truth';
import { toCsv } from './csv';
import { present } from '../../server/invariant';

export interface AccountSeed {
  peoplesoft: unknown[];
  lawsonChartCsv: string;
  lawsonNamesCsv: string;
  workday: unknown[];
  truth: TruthBuilder;
}

type AccountType = 'A' | 'L' | 'Q' | 'R' | 'E' | 'S';

/** Natural accounts of the Riverside chart: number, type, and the descriptions different systems carry. */
const CHART: Array<[account: string, type: AccountType, names: string[]]> = [
  ['100100', 'A', ['CASH - OPERATING', 'Cash - Operating Account', 'OPERATING CASH']],
  ['100200', 'A', ['PETTY CASH', 'Petty Cash']],
  ['110000', 'A', ['PATIENT ACCOUNTS RECEIVABLE', 'Patient A/R', 'A/R - PATIENT']],
  ['110500', 'A', ['ALLOWANCE FOR DOUBTFUL ACCTS', 'Allowance for Doubtful Accounts']],
  ['120000', 'A', ['INVENTORY - MEDICAL SUPPLIES', 'Inventory - Med/Surg Supplies']],
  ['120100', 'A', ['INVENTORY - PHARMACY', 'Inventory - Pharmaceuticals']],
  ['150000', 'A', ['LAND', 'Land']],
  ['151000', 'A', ['BUILDINGS', 'Buildings and Improvements']],
  ['152000', 'A', ['MAJOR MOVABLE EQUIPMENT', 'Major Movable Equipment']],
  ['159000', 'A', ['ACCUM DEPRECIATION - BLDG', 'Accumulated Depreciation - Buildings']],
  ['200000', 'L', ['ACCOUNTS PAYABLE - TRADE', 'Accounts Payable - Trade', 'A/P TRADE']],
  ['201000', 'L', ['ACCRUED SALARIES', 'Accrued Salaries and Wages']],
  ['202000', 'L', ['ACCRUED PTO', 'Accrued Paid Time Off']],
  ['210000', 'L', ['DUE TO THIRD-PARTY PAYORS', 'Estimated Third-Party Settlements']],
  ['250000', 'L', ['BONDS PAYABLE - SERIES 2015', 'Long-Term Debt - Revenue Bonds']],
  ['300000', 'Q', ['UNRESTRICTED NET ASSETS', 'Net Assets Without Donor Restrictions']],
  ['310000', 'Q', ['TEMP RESTRICTED NET ASSETS', 'Net Assets With Donor Restrictions']],
  ['400100', 'R', ['IP REVENUE - ROUTINE', 'Inpatient Revenue - Routine Services']],
  ['400200', 'R', ['IP REVENUE - ICU', 'Inpatient Revenue - Intensive Care']],
  ['410000', 'R', ['OP REVENUE', 'Outpatient Revenue']],
  ['420000', 'R', ['PROFESSIONAL FEE REVENUE', 'Professional Fee Revenue']],
  ['450000', 'R', ['CONTRACTUAL ALLOW - MEDICARE', 'Contractual Allowances - Medicare']],
  ['451000', 'R', ['CONTRACTUAL ALLOW - MEDICAID', 'Contractual Allowances - Medicaid']],
  ['490000', 'R', ['OTHER OPERATING REVENUE', 'Other Operating Revenue']],
  ['600000', 'E', ['SALARIES - RN', 'Salaries - Registered Nurses', 'RN SALARIES']],
  ['600100', 'E', ['SALARIES - OTHER CLINICAL', 'Salaries - Other Clinical Staff']],
  ['600200', 'E', ['SALARIES - ADMIN', 'Salaries - Administrative']],
  ['610000', 'E', ['FICA', 'Employee Benefits - FICA']],
  ['611000', 'E', ['HEALTH INSURANCE', 'Employee Health Insurance']],
  ['640000', 'E', ['SUPPLIES - GENERAL', 'General Supplies']],
  ['640400', 'E', ['MED/SURG SUPPLIES', 'Medical and Surgical Supplies', 'SUPPLIES - MEDICAL']],
  ['640410', 'E', ['MED/SURG SUPPLIES - IMPLANTS', 'Medical Supplies - Implants']],
  ['640420', 'E', ['MED/SURG SUPPLIES - CHARGEABLE', 'Patient Chargeable Supplies']],
  ['641000', 'E', ['DRUGS', 'Pharmaceuticals', 'PHARMACY - DRUGS']],
  ['642000', 'E', ['LAB REAGENTS', 'Laboratory Reagents']],
  ['650000', 'E', ['PURCHASED SERVICES', 'Purchased Services - Other']],
  ['650100', 'E', ['PURCHASED SVCS - LINEN', 'Purchased Services - Linen']],
  ['660000', 'E', ['UTILITIES - ELECTRIC', 'Utilities - Electricity']],
  ['661000', 'E', ['UTILITIES - GAS', 'Utilities - Natural Gas']],
  ['670000', 'E', ['REPAIRS & MAINTENANCE', 'Repairs and Maintenance']],
  ['680000', 'E', ['DEPRECIATION EXPENSE', 'Depreciation']],
  ['690000', 'E', ['INTEREST EXPENSE', 'Interest Expense']],
  ['900100', 'S', ['PATIENT DAYS', 'Patient Days (Statistical)']],
  ['900200', 'S', ['ADMISSIONS', 'Admissions (Statistical)']],
  ['900300', 'S', ['PAID FTES', 'Paid FTEs']],
  ['900400', 'S', ['OR MINUTES', 'Operating Room Minutes']],
];

/** Hospital functional cost centres (New York institutional cost report style codes) and their names. */
const DEPARTMENTS: Array<[code: string, name: string]> = [
  ['6010', 'MEDICAL/SURGICAL NURSING'], ['6020', 'PEDIATRICS NURSING'], ['6030', 'OBSTETRICS NURSING'], ['6080', 'INTENSIVE CARE UNIT'],
  ['6500', 'EMERGENCY DEPARTMENT'], ['6600', 'OUTPATIENT CLINICS'], ['7010', 'OPERATING ROOM'], ['7020', 'RECOVERY ROOM'],
  ['7030', 'DELIVERY ROOM'], ['7040', 'LABORATORY'], ['7060', 'RADIOLOGY - DIAGNOSTIC'], ['7070', 'CT SCAN'], ['7080', 'MRI'],
  ['7110', 'RESPIRATORY THERAPY'], ['7120', 'PHYSICAL THERAPY'], ['7140', 'PHARMACY'], ['7150', 'CENTRAL SUPPLY'],
  ['8010', 'ADMINISTRATION'], ['8020', 'FINANCE'], ['8040', 'PLANT OPERATIONS'], ['8060', 'HOUSEKEEPING'], ['8070', 'DIETARY'],
  ['8080', 'LAUNDRY & LINEN'], ['8120', 'INFORMATION SYSTEMS'], ['9010', 'GIFT SHOP'],
];
/** NY expense-code suffixes: .00 salaries, .20 benefits, .40 medical/surgical supplies, .45 drugs, .60 purchased services. */
const NY_SUFFIX: Array<[suffix: string, name: string]> = [['00', 'SALARIES'], ['20', 'BENEFITS'], ['40', 'MED/SURG SUPPLIES'], ['45', 'DRUGS'], ['60', 'PURCHASED SVCS']];

const LAWSON_CHART_COLUMNS = ['CHART_NAME', 'ACCOUNT', 'SUB_ACCOUNT', 'ACCOUNT_DESC', 'CHART_SECTION', 'SUMRY_ACCT_ID', 'ACTIVE_STATUS'];
const LAWSON_NAMES_COLUMNS = ['COMPANY', 'ACCT_UNIT', 'DESCRIPTION', 'LEVEL_DEPTH', 'POSTING_FLAG', 'PARENT_ACCT_UNIT', 'ACTIVE_STATUS'];
const LAWSON_SECTION: Record<AccountType, string> = { A: '1', L: '2', Q: '3', R: '4', E: '5', S: '9' };
const WORKDAY_TYPE: Record<AccountType, string> = { A: 'Asset', L: 'Liability', Q: 'Net_Assets', R: 'Revenue', E: 'Expense', S: 'Statistical' };

/** Generates all account sources; the truth builder receives every emitted record. */
export function generateAccounts(random: Random): AccountSeed {
  const truth = new TruthBuilder('account');
  const peoplesoft: Array<Record<string, unknown>> = [];
  const workday: Array<Record<string, unknown>> = [];
  const chartRows: Array<Record<string, string> | { rawLine: string }> = [];
  const namesRows: Array<Record<string, string>> = [];

  // ---- PeopleSoft GL_ACCOUNT_TBL: effective-dated rows, one record each -------------------------
  const psAccount = (input: { setId: string; account: string; effdt: string; status: 'A' | 'I'; descr: string; type: string; entityKey: string }): RecordRef => {
    peoplesoft.push({
      SETID: input.setId, ACCOUNT: input.account, EFFDT: input.effdt, EFF_STATUS: input.status, DESCR: input.descr,
      DESCRSHORT: input.descr.replace(/[^A-Z0-9 ]/g, '').slice(0, 10), ACCOUNT_TYPE: input.type === 'S' ? 'E' : input.type,
      STATISTICS_ACCOUNT: input.type === 'S' ? 'Y' : 'N', UNIT_OF_MEASURE: input.type === 'S' ? (input.account === '900400' ? 'MIN' : 'EA') : ' ',
      BUDGETARY_ONLY: 'N', BALANCE_FWD_SW: ['A', 'L', 'Q'].includes(input.type) ? 'Y' : 'N', CURRENCY_CD: 'USD',
    });
    return truth.add(input.entityKey, { source: 'peoplesoft', sourceId: `${input.setId}:${input.account}:${input.effdt}` });
  };
  const psDept = (input: { setId: string; deptId: string; effdt: string; status: 'A' | 'I'; descr: string; company: string; entityKey: string }): RecordRef => {
    peoplesoft.push({
      SETID: input.setId, DEPTID: input.deptId, EFFDT: input.effdt, EFF_STATUS: input.status, DESCR: input.descr,
      DESCRSHORT: input.descr.replace(/[^A-Z0-9 ]/g, '').slice(0, 10), COMPANY: input.company, MANAGER_ID: random.chance(0.7) ? `E${random.digits(6)}` : ' ',
      LOCATION: `${input.setId.slice(0, 3)}MAIN`, BUDGET_DEPTID: input.deptId,
    });
    return truth.add(input.entityKey, { source: 'peoplesoft', sourceId: `${input.setId}:DEPT:${input.deptId}:${input.effdt}` });
  };

  for (const [account, type, names] of CHART) {
    const key = `RHS:${account}`;
    // Most accounts have one row since go-live; some were renamed or retired later, a few reinstated.
    const history = random.int(0, 9);
    psAccount({ setId: 'RHS01', account, effdt: '1998-01-01', status: 'A', descr: present(names[names.length - 1], "names[names.length - 1]").toUpperCase(), type, entityKey: key });
    if (history >= 6) psAccount({ setId: 'RHS01', account, effdt: `20${random.int(10, 19)}-07-01`, status: 'A', descr: present(names[0], 'the account name'), type, entityKey: key });
    if (history === 9) psAccount({ setId: 'RHS01', account, effdt: '2022-01-01', status: 'I', descr: present(names[0], 'the account name'), type, entityKey: key });
  }
  // Lakeview uses the same chart: the same account number in another company is a different account.
  for (const [account, type, names] of random.sample(CHART, 24)) {
    psAccount({ setId: 'LKV01', account, effdt: '2016-01-01', status: 'A', descr: present(names[0], 'the account name'), type, entityKey: `LKV:${account}` });
  }
  for (const [code, name] of DEPARTMENTS) {
    const deptId = `${code}0`;
    const key = `RHS:DEPT:${deptId}`;
    psDept({ setId: 'RHS01', deptId, effdt: '2005-01-01', status: 'A', descr: name, company: 'RMC', entityKey: key });
    if (random.chance(0.35)) psDept({ setId: 'RHS01', deptId, effdt: `20${random.int(12, 23)}-01-01`, status: random.chance(0.2) ? 'I' : 'A', descr: `${name} - ${random.pick(['MAIN', 'RMC', 'WEST'])}`, company: 'RMC', entityKey: key });
    if (random.chance(0.3)) psDept({ setId: 'LKV01', deptId, effdt: '2016-01-01', status: 'A', descr: name, company: 'LCH', entityKey: `LKV:DEPT:${deptId}` });
  }

  // ---- Workday ledger accounts: the Riverside chart re-implemented with the same numbers ------------
  let widSeq = 0;
  const emitWorkday = (input: { account: string; name: string; type: AccountType; retired?: boolean; entityKey: string }): RecordRef => {
    const id = `RHS_CHART_${input.account}`;
    workday.push({
      Ledger_Account_Reference: { ID: [{ '-type': 'WID', '#content': `b3f1${String(++widSeq).padStart(28, '0')}` }, { '-type': 'Ledger_Account_ID', '#content': id }] },
      Ledger_Account_Data: {
        Ledger_Account_Identifier: input.account, Ledger_Account_Name: input.name,
        Account_Set_Reference: { ID: [{ '-type': 'Account_Set_ID', '#content': 'RHS_CHART' }] },
        Ledger_Account_Type_Reference: { ID: [{ '-type': 'Ledger_Account_Type_ID', '#content': WORKDAY_TYPE[input.type] }] },
        Retired: Boolean(input.retired),
      },
    });
    return truth.add(input.entityKey, { source: 'workday', sourceId: id });
  };
  for (const [account, type, names] of CHART) {
    if (random.chance(0.85)) emitWorkday({ account, name: names[1] ?? present(names[0], 'the account name'), type, entityKey: `RHS:${account}` });
  }
  for (const [account, type, name] of [['640430', 'E', 'Medical Supplies - Non-Chargeable'], ['650200', 'E', 'Purchased Services - Reference Lab'], ['611500', 'E', 'Employee Dental Insurance']] as const) {
    emitWorkday({ account, name, type, entityKey: `RHS:${account}` });
  }

  // ---- Lawson (St. Clare's): chart with NY expense codes, accounting units per company ---------------
  for (const [account, type, names] of CHART.filter(([, type]) => type !== 'E' && type !== 'S')) {
    const lawsonAccount = `${account.slice(0, 4)}00`;
    chartRows.push({ CHART_NAME: 'STCLARE', ACCOUNT: lawsonAccount, SUB_ACCOUNT: '0000', ACCOUNT_DESC: present(names[0], 'the account name'), CHART_SECTION: LAWSON_SECTION[type], SUMRY_ACCT_ID: String(type.charCodeAt(0) * 10), ACTIVE_STATUS: 'A' });
    truth.add(`STCLARE:${lawsonAccount}`, { source: 'lawson', sourceId: `STCLARE:${lawsonAccount}` });
  }
  for (const [code, name] of random.sample(DEPARTMENTS, 14)) {
    for (const [suffix, suffixName] of random.sample(NY_SUFFIX, random.int(2, 4))) {
      const lawsonAccount = `${code}${suffix}`;
      chartRows.push({ CHART_NAME: 'STCLARE', ACCOUNT: lawsonAccount, SUB_ACCOUNT: '0000', ACCOUNT_DESC: `${name} - ${suffixName}`.slice(0, 30), CHART_SECTION: '5', SUMRY_ACCT_ID: '690', ACTIVE_STATUS: random.chance(0.05) ? 'I' : 'A' });
      truth.add(`STCLARE:${lawsonAccount}`, { source: 'lawson', sourceId: `STCLARE:${lawsonAccount}` });
    }
  }
  {
    const line = chartRows.length + 2;
    chartRows.push({ rawLine: 'STCLARE,719945,0000,"PHARMACY - "HIGH COST" DRUGS",5,690,A' });
    truth.bad({ source: 'lawson', sourceId: 'STCLARE:719945', expectedCode: 'CSV_PARSE_ERROR', reason: 'unescaped double quote inside a quoted field', file: 'sources/lawson/account.csv', line });
  }
  for (const company of ['200', '210']) {
    const top = company === '200' ? "ST CLARE'S HOSPITAL" : "ST CLARE'S PHYSICIAN GROUP";
    const emitUnit = (unit: string, description: string, level: number, posting: boolean, parent: string): RecordRef => {
      namesRows.push({ COMPANY: company, ACCT_UNIT: unit, DESCRIPTION: description, LEVEL_DEPTH: String(level), POSTING_FLAG: posting ? 'P' : 'S', PARENT_ACCT_UNIT: parent, ACTIVE_STATUS: 'A' });
      return truth.add(`${company}:${unit}`, { source: 'lawson', sourceId: `${company}:${unit}` });
    };
    const root = emitUnit('TOTAL', top, 1, false, '');
    const groups = new Map<string, RecordRef>();
    for (const [group, label] of [['6000', 'ROUTINE SERVICES'], ['7000', 'ANCILLARY SERVICES'], ['8000', 'GENERAL SERVICES']] as const) {
      const groupRef = emitUnit(group, label, 2, false, 'TOTAL');
      truth.relate({ type: 'parent', from: groupRef, to: root });
      groups.set(present(group[0], "group[0]"), groupRef);
    }
    const units = company === '200' ? DEPARTMENTS.filter(([code]) => !code.startsWith('9')) : random.sample(DEPARTMENTS.filter(([code]) => code.startsWith('6') || code.startsWith('8')), 7);
    for (const [code, name] of units) {
      const parent = groups.get(present(code[0], "code[0]")) as RecordRef;
      const unitRef = emitUnit(code, name, 3, true, present(parent.sourceId.split(':')[1], "parent.sourceId.split(':')[1]"));
      truth.relate({ type: 'parent', from: unitRef, to: parent });
    }
  }

  // ---- Bad records ------------------------------------------------------------------------------
  truth.expectBad({ ...psAccount({ setId: 'RHS01', account: '699900', effdt: '2021-07-01', status: 'A', descr: ' ', type: 'E', entityKey: 'bad-ps-descr' }), expectedCode: 'REQUIRED', reason: 'DESCR is blank' });
  {
    peoplesoft.push({ SETID: 'RHS01', ACCOUNT: '480000', EFFDT: '2020-01-01', EFF_STATUS: 'A', DESCR: 'GRANT REVENUE - RESEARCH', DESCRSHORT: 'GRANTREV', ACCOUNT_TYPE: 'X', STATISTICS_ACCOUNT: 'N', UNIT_OF_MEASURE: ' ', BUDGETARY_ONLY: 'N', BALANCE_FWD_SW: 'N', CURRENCY_CD: 'USD' });
    truth.bad({ source: 'peoplesoft', sourceId: 'RHS01:480000:2020-01-01', expectedCode: 'ENUM', reason: 'ACCOUNT_TYPE X is not a PeopleSoft account type' });
  }
  truth.expectBad({ ...emitWorkday({ account: '699800', name: '', type: 'E', entityKey: 'bad-wd-name' }), expectedCode: 'REQUIRED', reason: 'Ledger_Account_Name is empty' });

  return {
    peoplesoft, workday, truth,
    lawsonChartCsv: toCsv({ columns: LAWSON_CHART_COLUMNS, rows: chartRows }),
    lawsonNamesCsv: toCsv({ columns: LAWSON_NAMES_COLUMNS, rows: namesRows }),
  };
}
