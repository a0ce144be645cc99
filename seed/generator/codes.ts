/**
 * Identifier *generators* for the seed. They are written independently of server/identifiers on
 * purpose: the seed tests validate generated values with the server's checkers, so a bug in either
 * implementation shows up as a disagreement instead of being shared by both.
 */
import type { Random } from './random';

/** GS1 mod-10 check digit over the digits that precede the check digit. */
export function gs1Check(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = Number(body[body.length - 1 - i]);
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** GTIN-14 for a 12-digit GS1 base (company prefix + item reference) at a packaging indicator. */
export function gtin14(indicator: number, base12: string): string {
  const body = `${indicator}${base12}`;
  return body + String(gs1Check(body));
}

/** The same GTIN with a deliberately wrong check digit (bad-record planting). */
export function corruptCheckDigit(gtin: string): string {
  const last = Number(gtin[gtin.length - 1]);
  return gtin.slice(0, -1) + String((last + 3) % 10);
}

/** GTIN-14 that embeds an NDC-10 (indicator + "03" + NDC digits + check), as drug packages carry. */
export function ndcGtin14(indicator: number, ndc10Digits: string): string {
  return gtin14(indicator, `03${ndc10Digits}`);
}

/** Luhn-valid NPI: 9 digits starting 1 or 2 plus a check digit computed over the "80840" prefix. */
export function npi(random: Random, firstDigit: 1 | 2 = 1): string {
  const body = `${firstDigit}${random.digits(8)}`;
  return body + String(npiCheck(body));
}

/** NPI Luhn check digit for the first nine digits. */
export function npiCheck(body9: string): number {
  const full = `80840${body9}`;
  let sum = 0;
  for (let i = 0; i < full.length; i++) {
    let digit = Number(full[full.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** An NPI whose check digit is wrong (bad-record planting). */
export function malformedNpi(random: Random): string {
  const good = npi(random, 1);
  return good.slice(0, -1) + String((Number(good[9]) + 5) % 10);
}

/** EIN prefixes the IRS has assigned (the invalid ones are listed in the reference). */
const VALID_EIN_PREFIXES = [
  '01', '04', '06', '11', '13', '14', '16', '20', '22', '23', '26', '27', '31', '33', '35', '36',
  '38', '41', '43', '46', '52', '54', '56', '58', '61', '62', '65', '74', '75', '82', '84', '86', '88', '91', '93', '95', '98',
];

/** A well-formed EIN `XX-XXXXXXX` with an assigned prefix. */
export function ein(random: Random): string {
  return `${random.pick(VALID_EIN_PREFIXES)}-${random.digits(7)}`;
}

/** An EIN with a never-assigned prefix (bad-record planting). */
export function einWithInvalidPrefix(random: Random): string {
  return `${random.pick(['00', '07', '08', '09', '17', '19', '28', '49', '69', '79', '89', '96'])}-${random.digits(7)}`;
}

/** A 9-digit DUNS; a leading zero is likely so that "lost leading zero" variants exist. */
export function duns(random: Random): string {
  return (random.chance(0.35) ? '0' : String(random.int(1, 9))) + random.digits(8);
}

/** A 13-digit GLN with a valid check digit. */
export function gln(random: Random, companyPrefix: string): string {
  const body = (companyPrefix + random.digits(12)).slice(0, 12);
  return body + String(gs1Check(body));
}

/** A US phone number as ten digits. */
export function phoneDigits(random: Random, areaCode: string): string {
  return `${areaCode}${random.int(2, 9)}${random.digits(2)}${random.digits(4)}`;
}

/** `(212) 555-0147` */
export function formatPhone(digits: string): string {
  return `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
}

/** Drops leading zeros, as a spreadsheet does to a numeric-looking identifier. */
export function stripLeadingZeros(value: string): string {
  return value.replace(/^0+(?=\d)/, '');
}
