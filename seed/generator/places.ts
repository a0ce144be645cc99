/** US places used for addresses: real city/ZIP/county/area-code combinations and SSA state codes (CCN prefix). */
import type { Random } from './random';

export interface Place {
  city: string;
  state: string;
  zip: string;
  county: string;
  areaCode: string;
}

/** SSA state codes, the first two characters of a CMS Certification Number. */
export const CCN_STATE_CODE: Record<string, string> = {
  AL: '01', CT: '07', FL: '10', GA: '11', IL: '14', MA: '22', MN: '24', NJ: '31', NY: '33', OH: '36', PA: '39', TX: '45', WI: '52',
};

export const PLACES: Place[] = [
  { city: 'NEWARK', state: 'NJ', zip: '07102', county: 'ESSEX', areaCode: '973' },
  { city: 'PATERSON', state: 'NJ', zip: '07503', county: 'PASSAIC', areaCode: '973' },
  { city: 'HACKENSACK', state: 'NJ', zip: '07601', county: 'BERGEN', areaCode: '201' },
  { city: 'TRENTON', state: 'NJ', zip: '08608', county: 'MERCER', areaCode: '609' },
  { city: 'BOSTON', state: 'MA', zip: '02114', county: 'SUFFOLK', areaCode: '617' },
  { city: 'WORCESTER', state: 'MA', zip: '01605', county: 'WORCESTER', areaCode: '508' },
  { city: 'SPRINGFIELD', state: 'MA', zip: '01199', county: 'HAMPDEN', areaCode: '413' },
  { city: 'HARTFORD', state: 'CT', zip: '06106', county: 'HARTFORD', areaCode: '860' },
  { city: 'NEW HAVEN', state: 'CT', zip: '06510', county: 'NEW HAVEN', areaCode: '203' },
  { city: 'ALBANY', state: 'NY', zip: '12208', county: 'ALBANY', areaCode: '518' },
  { city: 'ROCHESTER', state: 'NY', zip: '14642', county: 'MONROE', areaCode: '585' },
  { city: 'SYRACUSE', state: 'NY', zip: '13210', county: 'ONONDAGA', areaCode: '315' },
  { city: 'BROOKLYN', state: 'NY', zip: '11215', county: 'KINGS', areaCode: '718' },
  { city: 'MINEOLA', state: 'NY', zip: '11501', county: 'NASSAU', areaCode: '516' },
  { city: 'PITTSBURGH', state: 'PA', zip: '15213', county: 'ALLEGHENY', areaCode: '412' },
  { city: 'ALLENTOWN', state: 'PA', zip: '18103', county: 'LEHIGH', areaCode: '610' },
  { city: 'HARRISBURG', state: 'PA', zip: '17110', county: 'DAUPHIN', areaCode: '717' },
  { city: 'COLUMBUS', state: 'OH', zip: '43210', county: 'FRANKLIN', areaCode: '614' },
  { city: 'TOLEDO', state: 'OH', zip: '43608', county: 'LUCAS', areaCode: '419' },
  { city: 'CHICAGO', state: 'IL', zip: '60612', county: 'COOK', areaCode: '312' },
  { city: 'PEORIA', state: 'IL', zip: '61637', county: 'PEORIA', areaCode: '309' },
  { city: 'ROCHESTER', state: 'MN', zip: '55905', county: 'OLMSTED', areaCode: '507' },
  { city: 'DULUTH', state: 'MN', zip: '55805', county: 'ST. LOUIS', areaCode: '218' },
  { city: 'MILWAUKEE', state: 'WI', zip: '53226', county: 'MILWAUKEE', areaCode: '414' },
  { city: 'MADISON', state: 'WI', zip: '53792', county: 'DANE', areaCode: '608' },
  { city: 'BIRMINGHAM', state: 'AL', zip: '35233', county: 'JEFFERSON', areaCode: '205' },
  { city: 'DOTHAN', state: 'AL', zip: '36301', county: 'HOUSTON', areaCode: '334' },
  { city: 'ATLANTA', state: 'GA', zip: '30303', county: 'FULTON', areaCode: '404' },
  { city: 'MACON', state: 'GA', zip: '31201', county: 'BIBB', areaCode: '478' },
  { city: 'TAMPA', state: 'FL', zip: '33606', county: 'HILLSBOROUGH', areaCode: '813' },
  { city: 'GAINESVILLE', state: 'FL', zip: '32610', county: 'ALACHUA', areaCode: '352' },
  { city: 'HOUSTON', state: 'TX', zip: '77030', county: 'HARRIS', areaCode: '713' },
  { city: 'SAN ANTONIO', state: 'TX', zip: '78229', county: 'BEXAR', areaCode: '210' },
  { city: 'LUBBOCK', state: 'TX', zip: '79415', county: 'LUBBOCK', areaCode: '806' },
];

const STREETS = [
  'MAIN ST', 'HOSPITAL DR', 'MEDICAL CENTER BLVD', 'ELM ST', 'WASHINGTON AVE', 'PARK AVE', 'CHURCH ST', 'LAKE SHORE DR',
  'RIVER RD', 'UNIVERSITY AVE', 'MARKET ST', 'HIGHLAND AVE', 'STATE ST', 'BROAD ST', 'MAPLE AVE', 'COMMERCE DR',
  'INDUSTRIAL PKWY', 'CORPORATE CENTER DR', 'TECHNOLOGY WAY', 'HEALTHCARE PKWY',
];

/** A street address line such as `1420 MEDICAL CENTER BLVD`. */
export function streetLine(random: Random): string {
  return `${random.int(10, 9899)} ${random.pick(STREETS)}`;
}

/** Title-cases an upper-case street or city for sources that store mixed case. */
export function titleCase(value: string): string {
  return value.toLowerCase().replace(/\b([a-z])/g, (letter) => letter.toUpperCase()).replace(/\bPo\b/g, 'PO');
}

/** ZIP+4 written without a hyphen, as NPPES does. */
export function zipPlus4(random: Random, zip: string): string {
  return `${zip}${random.digits(4)}`;
}
