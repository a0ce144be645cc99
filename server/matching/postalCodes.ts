/**
 * Postal codes read by their country's format (facility-2.35.0), once per record. The US ZIP reading
 * (`normalizePostalCode`: 5 digits, ZIP+4 dropped, lost leading zeros restored) was the only one: a British, Canadian,
 * Irish or Dutch postcode was read as no postal code and never compared. Each country's format says how much of the
 * code names an area and how much a street or a building:
 *
 * - United Kingdom (Royal Mail PAF): outward code (area + district: `TR1`, `EC1A`) and inward code (`3LJ`), about
 *   fifteen addresses share a full postcode;
 * - Canada (Canada Post): forward sortation area (`V1Y`) and local delivery unit (`1T2`);
 * - Ireland (Eircode): routing key (`D02`, `T12`) and a unique identifier of one building (`X4Y5`);
 * - the Netherlands (PostNL): four digits naming a neighbourhood (`1012`) and two letters a street side (`AB`).
 * These are read by their shape when the record names the country or names none (no US ZIP has letters); the district is
 * kept with the code. A code of digits is read as a ZIP reads it whatever the country (Australia's `2605` is `02605` on
 * both sides), and one a ZIP does not read (India's six-digit PIN) as its digits when the record names a country other
 * than the US.
 *
 * Two addresses with equal codes share the postcode; equal districts and different codes are near (one outward code, FSA,
 * routing key or neighbourhood: a site of a few streets); different districts are two places.
 */
import { normalizePostalCode } from '../identifiers/names';

/** A postal code as compared: the whole code in its standard form and, for a format with one, the area it starts with. */
export interface PostalCodeReading {
  code: string;
  /** The outward code, FSA, routing key or neighbourhood digits; absent for a format without one (a ZIP, four digits). */
  district?: string;
}

interface PostalFormat {
  /** ISO 3166-1 alpha-2 codes and English names the record's `country` may be written as (upper case). */
  countries: readonly string[];
  /** The code without spaces or hyphens: district, then the rest. */
  shape: RegExp;
}

const FORMATS: readonly PostalFormat[] = [
  {
    countries: ['GB', 'UK', 'UNITED KINGDOM', 'GREAT BRITAIN', 'ENGLAND', 'SCOTLAND', 'WALES', 'NORTHERN IRELAND', 'GG', 'JE', 'IM'],
    shape: /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/,
  },
  { countries: ['CA', 'CAN', 'CANADA'], shape: /^([ABCEGHJ-NPRSTVXY]\d[A-Z])(\d[A-Z]\d)$/ },
  { countries: ['IE', 'IRL', 'IRELAND', 'EIRE', 'ÉIRE'], shape: /^([AC-FHKNPRTV-Y]\d{2}|D6W)([AC-FHKNPRTV-Y\d]{4})$/ },
  { countries: ['NL', 'NLD', 'NETHERLANDS', 'THE NETHERLANDS', 'NEDERLAND'], shape: /^([1-9]\d{3})([A-Z]{2})$/ },
];

const US_NAMES: ReadonlySet<string> = new Set(['US', 'USA', 'UNITED STATES', 'UNITED STATES OF AMERICA']);

/** The postal code of one address read by its country's format (the module's comment); null when there is none. */
export function readPostalCode(value: string, country?: string): PostalCodeReading | null {
  const compact = value.toUpperCase().replace(/[\s-]+/g, '');
  if (compact === '') return null;
  const countryName = (country ?? '').trim().toUpperCase();
  const isNamed = countryName !== '';
  for (const format of FORMATS) {
    if (isNamed && !format.countries.includes(countryName)) continue;
    const parts = format.shape.exec(compact);
    if (parts) return { code: `${parts[1]} ${parts[2]}`, district: parts[1] as string };
  }
  // Digits as a ZIP reads them whatever the country, so a record naming its country and one naming none agree (`2605`).
  const zip = normalizePostalCode(value);
  if (zip !== null) return { code: zip.slice(0, 5) };
  return isNamed && !US_NAMES.has(countryName) && /^\d{3,7}$/.test(compact) ? { code: compact } : null;
}

/** How two postal codes agree: 1 the same code, 0.5 one district (outward code, FSA…) of a format with districts, else 0. */
export function postalCodeSimilarity(
  a: { postalCode: string; postalDistrict?: string },
  b: { postalCode: string; postalDistrict?: string },
): number {
  if (a.postalCode === b.postalCode) return 1;
  return a.postalDistrict !== undefined && a.postalDistrict === b.postalDistrict ? 0.5 : 0;
}
