/** Payload shapes and codes of the supplier source systems (pure helpers for suppliers.ts). */
import type { Random } from './random';
import { titleCase } from './places';

export type Ref = { '-type': string; '#content': string };
/** A Workday reference: one id of the given type. */
export const ref = (type: string, value: string): { ID: Ref[] } => ({ ID: [{ '-type': type, '#content': value }] });

export const LAWSON_COLUMNS = [
  'VENDOR_GROUP', 'VENDOR', 'LOCATION_CODE', 'LOC_TYPE', 'VENDOR_VNAME', 'LEGAL_NAME', 'VENDOR_SNAME', 'VEN_CLASS', 'VENDOR_STATUS',
  'TAX_ID', 'DUNS_NBR', 'GLN_NBR', 'ADDR1', 'ADDR2', 'CITY_ADDR5', 'STATE_PROV', 'POSTAL_CODE', 'COUNTRY_CODE', 'PHONE_NUM', 'TERM_CODE',
];

/** The same payment terms as each ERP codes them. */
export const PEOPLESOFT_TERMS: Record<string, string> = { NET_30: 'N30', NET_45: 'N45', NET_60: 'N60', '2_10_NET_30': '2/10N30' };
export const LAWSON_TERMS: Record<string, string> = { NET_30: 'NET30', NET_45: 'NET45', NET_60: 'NET60', '2_10_NET_30': '2%10N30' };

/** A Workday WID: 32 hex digits. */
export function workdayWid(random: Random): string {
  let out = '';
  for (let i = 0; i < 32; i++) out += '0123456789abcdef'[random.int(0, 15)];
  return out;
}

/** A Workday Address_Data entry. */
export const workdayAddress = (input: { line1: string; city: string; state: string; zip: string; usage: string[] }): Record<string, unknown> => ({
  Country_Reference: ref('ISO_3166-1_Alpha-2_Code', 'US'),
  Address_Line_Data: [{ '-Type': 'ADDRESS_LINE_1', '#content': titleCase(input.line1) }],
  Municipality: titleCase(input.city),
  Country_Region_Reference: ref('ISO_3166-2_Code', `US-${input.state}`),
  Postal_Code: input.zip,
  Usage_Data: [{
    Type_Data: [{ Type_Reference: ref('Communication_Usage_Type_ID', 'BUSINESS'), '-Primary': true }],
    Use_For_Reference: input.usage.map((usage) => ref('Communication_Usage_Behavior_ID', usage)),
  }],
});

/** One effective-dated PeopleSoft VENDOR_ADDR row. */
export const psAddress = (input: { seq: number; effdt: string; status?: string; line1: string; city: string; state: string; zip: string; name1: string }): Record<string, unknown> => ({
  ADDRESS_SEQ_NUM: input.seq, EFFDT: input.effdt, EFF_STATUS: input.status ?? 'A', NAME1: input.name1,
  ADDRESS1: input.line1, ADDRESS2: ' ', CITY: input.city, STATE: input.state, POSTAL: input.zip, COUNTRY: 'USA',
});

/** Swaps two adjacent digits after the EIN prefix, keeping the prefix valid. */
export function transposeDigits(value: string): string {
  const [prefix, rest] = value.split('-');
  if (prefix === undefined || rest === undefined) throw new Error(`${value} has no prefix-digits form`);
  const swapAt = rest.split('').findIndex((digit, index) => index < rest.length - 1 && digit !== rest[index + 1]);
  if (swapAt < 0) return value;
  return `${prefix}-${rest.slice(0, swapAt)}${rest[swapAt + 1]}${rest[swapAt]}${rest.slice(swapAt + 2)}`;
}
