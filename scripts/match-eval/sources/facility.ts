/**
 * Hand-written facility entities for the evaluation corpus: US hospitals as four kinds of registry
 * write them — CMS Hospital General Information (upper-case names and addresses, CCN, phone, hospital
 * type), NPPES (legal business name, DBA as other name, organisation NPI, practice address with
 * ZIP+4, taxonomy), state licence lists (mixed case, "Saint" spelled out or abbreviated, licence
 * addresses) and an ERP location table (Workday Location_Name house names, GLN). Names, towns and
 * streets are those of real hospitals (public registries); CCNs, NPIs and GLNs are synthetic but
 * valid (CCN state code + hospital range, NPI Luhn, GLN GS1 check digit).
 *
 * Labelling: one entity = one care location (a hospital campus). Same-named hospitals in other towns
 * are different; a hospital's clinic, laboratory or separately licensed children's hospital is a
 * different facility even at the same street address.
 */

export interface FacilityRecordSpec {
  s: 'cms' | 'nppes' | 'state-license' | 'workday' | 'distributor-shipto' | 'gs1-gln';
  n: string;
  alt?: string[];
  /** CCN (cms always; others sometimes). */
  ccn?: string;
  /** NPI first 9 digits; the check digit is computed. */
  npi9?: string;
  /** GLN first 12 digits; the check digit is computed. */
  gln12?: string;
  /** `line1|city|state|postal`. */
  a?: string;
  ph?: string;
  type?: string;
  tax?: string;
}

export interface FacilityEntity {
  key: string;
  records: FacilityRecordSpec[];
}

export interface FacilityNegative {
  a: string;
  b: string;
  differs: string;
}

const ACUTE = 'Acute Care Hospitals';
const GENERAL_ACUTE = '282N00000X';

export const FACILITY_ENTITIES: FacilityEntity[] = [
  {
    key: 'st-josephs-tampa',
    records: [
      {
        s: 'cms',
        n: "ST JOSEPH'S HOSPITAL",
        ccn: '100075',
        a: '3001 W DR MARTIN LUTHER KING JR BLVD|TAMPA|FL|33607',
        ph: '(813) 870-4000',
        type: ACUTE,
      },
      {
        s: 'nppes',
        n: "ST. JOSEPH'S HOSPITAL, INC.",
        alt: ["ST. JOSEPH'S HOSPITAL"],
        npi9: '154832117',
        a: '3001 W Dr Martin Luther King Jr Blvd|Tampa|FL|336076307',
        tax: GENERAL_ACUTE,
      },
      { s: 'state-license', n: "Saint Joseph's Hospital", a: '3001 West Martin Luther King Jr. Boulevard|Tampa|FL|33607-6387' },
      {
        s: 'workday',
        n: 'SJH Tampa Main Campus',
        alt: ["St. Joseph's Hospital - Tampa"],
        gln12: '086011200017',
        a: '3001 W MLK Jr Blvd|Tampa|FL|33607',
      },
    ],
  },
  {
    key: 'st-josephs-childrens-tampa',
    records: [
      {
        s: 'nppes',
        n: "ST. JOSEPH'S CHILDREN'S HOSPITAL OF TAMPA",
        npi9: '168521344',
        a: '3001 W Dr Martin Luther King Jr Blvd|Tampa|FL|336076307',
        tax: '282NC2000X',
      },
      { s: 'state-license', n: "Saint Joseph's Children's Hospital", a: '3001 West Martin Luther King Jr. Boulevard|Tampa|FL|33607' },
    ],
  },
  {
    key: 'st-josephs-paterson',
    records: [
      {
        s: 'cms',
        n: "ST JOSEPH'S UNIVERSITY MEDICAL CENTER",
        ccn: '310019',
        a: '703 MAIN STREET|PATERSON|NJ|07503',
        ph: '(973) 754-2000',
        type: ACUTE,
      },
      {
        s: 'nppes',
        n: "ST. JOSEPH'S HOSPITAL AND MEDICAL CENTER",
        alt: ["ST. JOSEPH'S UNIVERSITY MEDICAL CENTER"],
        npi9: '132761049',
        a: '703 Main St|Paterson|NJ|075032621',
        tax: GENERAL_ACUTE,
      },
      { s: 'state-license', n: "St. Joseph's University Medical Center", a: '703 Main Street|Paterson|NJ|7503' },
    ],
  },
  {
    key: 'st-josephs-phoenix',
    records: [
      {
        s: 'cms',
        n: "ST JOSEPH'S HOSPITAL AND MEDICAL CENTER",
        ccn: '030024',
        a: '350 WEST THOMAS ROAD|PHOENIX|AZ|85013',
        ph: '(602) 406-3000',
        type: ACUTE,
      },
      {
        s: 'nppes',
        n: 'DIGNITY HEALTH',
        alt: ["ST. JOSEPH'S HOSPITAL AND MEDICAL CENTER"],
        npi9: '147289365',
        a: '350 W Thomas Rd|Phoenix|AZ|850134409',
        tax: GENERAL_ACUTE,
      },
      { s: 'workday', n: "St Joseph's Phoenix", ccn: '30024', a: '350 W Thomas Rd|Phoenix|AZ|85013' },
    ],
  },
  {
    key: 'memorial-colorado-springs',
    records: [
      {
        s: 'cms',
        n: 'UCHEALTH MEMORIAL HOSPITAL',
        ccn: '060022',
        a: '1400 E BOULDER ST|COLORADO SPRINGS|CO|80909',
        ph: '(719) 365-5000',
        type: ACUTE,
      },
      {
        s: 'nppes',
        n: 'UNIVERSITY OF COLORADO HEALTH',
        alt: ['UCHEALTH MEMORIAL HOSPITAL CENTRAL'],
        npi9: '175642208',
        a: '1400 E Boulder St|Colorado Springs|CO|809095533',
        tax: GENERAL_ACUTE,
      },
      { s: 'state-license', n: 'Memorial Hospital Central', a: '1400 East Boulder Street|Colorado Springs|CO|80909' },
    ],
  },
  {
    key: 'memorial-south-bend',
    records: [
      {
        s: 'cms',
        n: 'MEMORIAL HOSPITAL OF SOUTH BEND',
        ccn: '150058',
        a: '615 N MICHIGAN ST|SOUTH BEND|IN|46601',
        ph: '(574) 647-1000',
        type: ACUTE,
      },
      {
        s: 'nppes',
        n: 'MEMORIAL HOSPITAL OF SOUTH BEND, INC.',
        npi9: '188654120',
        a: '615 N Michigan St|South Bend|IN|466011033',
        tax: GENERAL_ACUTE,
      },
      { s: 'state-license', n: 'Memorial Hospital', a: '615 North Michigan Street|South Bend|IN|46601' },
    ],
  },
  {
    key: 'memorial-gulfport',
    records: [
      {
        s: 'cms',
        n: 'MEMORIAL HOSPITAL AT GULFPORT',
        ccn: '250019',
        a: '4500 13TH STREET|GULFPORT|MS|39501',
        ph: '(228) 867-4000',
        type: ACUTE,
      },
      {
        s: 'nppes',
        n: 'MEMORIAL HOSPITAL AT GULFPORT',
        alt: ['MEMORIAL HOSPITAL'],
        npi9: '110397258',
        a: '4500 13th St|Gulfport|MS|395013515',
        tax: GENERAL_ACUTE,
      },
      { s: 'workday', n: 'Memorial Hospital', alt: ['Memorial Gulfport'], gln12: '086011200024', a: '4500 13th Street|Gulfport|MS|39501' },
    ],
  },
  {
    key: 'memorial-carbondale',
    records: [
      {
        s: 'cms',
        n: 'MEMORIAL HOSPITAL OF CARBONDALE',
        ccn: '140164',
        a: '405 W JACKSON ST|CARBONDALE|IL|62901',
        ph: '(618) 549-0721',
        type: ACUTE,
      },
      { s: 'state-license', n: 'Memorial Hospital of Carbondale', a: '405 West Jackson Street|Carbondale|IL|62901-1467' },
    ],
  },
  {
    key: 'good-sam-cincinnati',
    records: [
      {
        s: 'cms',
        n: 'GOOD SAMARITAN HOSPITAL',
        ccn: '360134',
        a: '375 DIXMYTH AVENUE|CINCINNATI|OH|45220',
        ph: '(513) 862-1400',
        type: ACUTE,
      },
      {
        s: 'nppes',
        n: 'TRIHEALTH G LLC',
        alt: ['GOOD SAMARITAN HOSPITAL'],
        npi9: '129874531',
        a: '375 Dixmyth Ave|Cincinnati|OH|452202475',
        tax: GENERAL_ACUTE,
      },
      { s: 'state-license', n: 'Good Samaritan Hospital', a: '375 Dixmyth Ave.|Cincinnati|OH|45220' },
    ],
  },
  {
    key: 'good-sam-san-jose',
    records: [
      {
        s: 'cms',
        n: 'GOOD SAMARITAN HOSPITAL',
        ccn: '050380',
        a: '2425 SAMARITAN DRIVE|SAN JOSE|CA|95124',
        ph: '(408) 559-2011',
        type: ACUTE,
      },
      {
        s: 'nppes',
        n: 'GOOD SAMARITAN HOSPITAL, L.P.',
        npi9: '162318947',
        a: '2425 Samaritan Dr|San Jose|CA|951243997',
        tax: GENERAL_ACUTE,
      },
      { s: 'state-license', n: 'Good Samaritan Hospital', a: '2425 Samaritan Drive|San Jose|CA|95124' },
    ],
  },
  {
    key: 'good-sam-west-islip',
    records: [
      {
        s: 'cms',
        n: 'GOOD SAMARITAN HOSPITAL MEDICAL CENTER',
        ccn: '330286',
        a: '1000 MONTAUK HIGHWAY|WEST ISLIP|NY|11795',
        ph: '(631) 376-3000',
        type: ACUTE,
      },
      {
        s: 'nppes',
        n: 'GOOD SAMARITAN HOSPITAL MEDICAL CENTER',
        alt: ['GOOD SAMARITAN UNIVERSITY HOSPITAL'],
        npi9: '191457326',
        a: '1000 Montauk Hwy|West Islip|NY|117954927',
        tax: GENERAL_ACUTE,
      },
      { s: 'workday', n: 'Good Samaritan University Hospital', a: '1000 Montauk Hwy|West Islip|NY|11795' },
    ],
  },
  {
    key: 'mgh',
    records: [
      {
        s: 'cms',
        n: 'MASSACHUSETTS GENERAL HOSPITAL',
        ccn: '220071',
        a: '55 FRUIT STREET|BOSTON|MA|02114',
        ph: '(617) 726-2000',
        type: ACUTE,
      },
      {
        s: 'nppes',
        n: 'THE GENERAL HOSPITAL CORPORATION',
        alt: ['MASSACHUSETTS GENERAL HOSPITAL'],
        npi9: '140375210',
        a: '55 Fruit St|Boston|MA|021142696',
        tax: GENERAL_ACUTE,
      },
      { s: 'state-license', n: 'Massachusetts General Hospital', a: '55 Fruit St.|Boston|MA|2114' },
      { s: 'workday', n: 'MGH Main Campus', gln12: '086011200031', a: '55 Fruit St|Boston|MA|02114-2696' },
    ],
  },
  {
    key: 'mgh-chelsea',
    records: [
      {
        s: 'nppes',
        n: 'THE GENERAL HOSPITAL CORPORATION',
        alt: ['MGH CHELSEA HEALTHCARE CENTER'],
        npi9: '183662095',
        a: '151 Everett Ave|Chelsea|MA|021501963',
        tax: '261QP2300X',
      },
      { s: 'workday', n: 'MGH Chelsea HealthCare Center', a: '151 Everett Avenue|Chelsea|MA|02150' },
    ],
  },
  {
    key: 'mgh-lab',
    records: [
      {
        s: 'nppes',
        n: 'MASSACHUSETTS GENERAL HOSPITAL CLINICAL LABORATORIES',
        npi9: '150327489',
        a: '55 Fruit St|Boston|MA|021142696',
        tax: '291U00000X',
      },
      { s: 'state-license', n: 'Massachusetts General Hospital Clinical Laboratory', a: '55 Fruit St.|Boston|MA|02114' },
    ],
  },
  {
    key: 'brigham',
    records: [
      {
        s: 'cms',
        n: "BRIGHAM AND WOMEN'S HOSPITAL",
        ccn: '220110',
        a: '75 FRANCIS STREET|BOSTON|MA|02115',
        ph: '(617) 732-5500',
        type: ACUTE,
      },
      { s: 'nppes', n: "BRIGHAM & WOMEN'S HOSPITAL, INC.", npi9: '167841209', a: '75 Francis St|Boston|MA|021156110', tax: GENERAL_ACUTE },
      { s: 'state-license', n: "Brigham and Women's Hospital", a: '75 Francis St.|Boston|MA|02115' },
    ],
  },
  {
    key: 'cleveland-clinic',
    records: [
      { s: 'cms', n: 'CLEVELAND CLINIC', ccn: '360180', a: '9500 EUCLID AVENUE|CLEVELAND|OH|44195', ph: '(216) 444-2200', type: ACUTE },
      {
        s: 'nppes',
        n: 'THE CLEVELAND CLINIC FOUNDATION',
        alt: ['CLEVELAND CLINIC MAIN CAMPUS'],
        npi9: '125432870',
        a: '9500 Euclid Ave|Cleveland|OH|441950001',
        tax: GENERAL_ACUTE,
      },
      {
        s: 'workday',
        n: 'CCF Main Campus',
        alt: ['Cleveland Clinic Main Campus'],
        gln12: '086011200048',
        a: '9500 Euclid Ave|Cleveland|OH|44195',
      },
    ],
  },
  {
    key: 'cleveland-clinic-florida',
    records: [
      { s: 'cms', n: 'CLEVELAND CLINIC HOSPITAL', ccn: '100289', a: '3100 WESTON ROAD|WESTON|FL|33331', ph: '(954) 689-5000', type: ACUTE },
      {
        s: 'nppes',
        n: 'CLEVELAND CLINIC FLORIDA',
        alt: ['CLEVELAND CLINIC HOSPITAL'],
        npi9: '136290814',
        a: '3100 Weston Rd|Weston|FL|333313602',
        tax: GENERAL_ACUTE,
      },
    ],
  },
  {
    key: 'johns-hopkins',
    records: [
      {
        s: 'cms',
        n: 'JOHNS HOPKINS HOSPITAL, THE',
        ccn: '210009',
        a: '1800 ORLEANS STREET|BALTIMORE|MD|21287',
        ph: '(410) 955-5000',
        type: ACUTE,
      },
      { s: 'nppes', n: 'THE JOHNS HOPKINS HOSPITAL', npi9: '114520963', a: '1800 Orleans St|Baltimore|MD|212870005', tax: GENERAL_ACUTE },
      { s: 'state-license', n: 'The Johns Hopkins Hospital', a: '1800 Orleans Street|Baltimore|MD|21287' },
    ],
  },
  {
    key: 'johns-hopkins-bayview',
    records: [
      {
        s: 'cms',
        n: 'JOHNS HOPKINS BAYVIEW MEDICAL CENTER',
        ccn: '210029',
        a: '4940 EASTERN AVENUE|BALTIMORE|MD|21224',
        ph: '(410) 550-0100',
        type: ACUTE,
      },
      {
        s: 'nppes',
        n: 'JOHNS HOPKINS BAYVIEW MEDICAL CENTER, INC.',
        npi9: '179304652',
        a: '4940 Eastern Ave|Baltimore|MD|212242735',
        tax: GENERAL_ACUTE,
      },
    ],
  },
  {
    key: 'johns-hopkins-outpatient',
    records: [
      {
        s: 'nppes',
        n: 'THE JOHNS HOPKINS HOSPITAL',
        alt: ['JOHNS HOPKINS OUTPATIENT CENTER'],
        npi9: '143967120',
        a: '601 N Caroline St|Baltimore|MD|212870807',
        tax: '261QM1300X',
      },
      { s: 'workday', n: 'Johns Hopkins Outpatient Center', a: '601 North Caroline Street|Baltimore|MD|21287' },
    ],
  },
  {
    key: 'mayo-rochester',
    records: [
      {
        s: 'cms',
        n: 'MAYO CLINIC HOSPITAL ROCHESTER',
        ccn: '240010',
        a: '1216 SECOND STREET SW|ROCHESTER|MN|55902',
        ph: '(507) 255-5123',
        type: ACUTE,
      },
      {
        s: 'nppes',
        n: 'MAYO CLINIC',
        alt: ['MAYO CLINIC HOSPITAL - ROCHESTER', 'SAINT MARYS HOSPITAL'],
        npi9: '192073514',
        a: '1216 2nd St SW|Rochester|MN|559020001',
        tax: GENERAL_ACUTE,
      },
      {
        s: 'state-license',
        n: 'Mayo Clinic Hospital - Rochester, Saint Marys Campus',
        a: '1216 Second Street Southwest|Rochester|MN|55902',
      },
    ],
  },
  {
    key: 'mayo-phoenix',
    records: [
      {
        s: 'cms',
        n: 'MAYO CLINIC HOSPITAL',
        ccn: '030103',
        a: '5777 EAST MAYO BOULEVARD|PHOENIX|AZ|85054',
        ph: '(480) 515-6296',
        type: ACUTE,
      },
      {
        s: 'nppes',
        n: 'MAYO CLINIC ARIZONA',
        alt: ['MAYO CLINIC HOSPITAL'],
        npi9: '108346275',
        a: '5777 E Mayo Blvd|Phoenix|AZ|850544502',
        tax: GENERAL_ACUTE,
      },
    ],
  },
  {
    key: 'mount-sinai-nyc',
    records: [
      {
        s: 'cms',
        n: 'MOUNT SINAI HOSPITAL',
        ccn: '330024',
        a: 'ONE GUSTAVE L LEVY PLACE|NEW YORK|NY|10029',
        ph: '(212) 241-6500',
        type: ACUTE,
      },
      { s: 'nppes', n: 'THE MOUNT SINAI HOSPITAL', npi9: '185602341', a: '1 Gustave L Levy Pl|New York|NY|100296574', tax: GENERAL_ACUTE },
      { s: 'state-license', n: 'Mount Sinai Hospital', a: '1 Gustave L. Levy Place|New York|NY|10029' },
    ],
  },
  {
    key: 'mount-sinai-chicago',
    records: [
      {
        s: 'cms',
        n: 'MOUNT SINAI HOSPITAL',
        ccn: '140018',
        a: '1500 SOUTH FAIRFIELD AVENUE|CHICAGO|IL|60608',
        ph: '(773) 542-2000',
        type: ACUTE,
      },
      {
        s: 'nppes',
        n: 'MOUNT SINAI HOSPITAL MEDICAL CENTER OF CHICAGO',
        alt: ['MOUNT SINAI HOSPITAL'],
        npi9: '156704381',
        a: '1500 S Fairfield Ave|Chicago|IL|606081782',
        tax: GENERAL_ACUTE,
      },
      { s: 'state-license', n: 'Mount Sinai Hospital Medical Center', a: '1500 S. Fairfield Ave.|Chicago|IL|60608' },
    ],
  },
  {
    key: 'mount-sinai-miami',
    records: [
      {
        s: 'cms',
        n: 'MOUNT SINAI MEDICAL CENTER',
        ccn: '100034',
        a: '4300 ALTON ROAD|MIAMI BEACH|FL|33140',
        ph: '(305) 674-2121',
        type: ACUTE,
      },
      {
        s: 'nppes',
        n: 'MOUNT SINAI MEDICAL CENTER OF FLORIDA, INC.',
        npi9: '121685430',
        a: '4300 Alton Rd|Miami Beach|FL|331402948',
        tax: GENERAL_ACUTE,
      },
    ],
  },
  {
    key: 'saint-lukes-kc',
    records: [
      {
        s: 'cms',
        n: "SAINT LUKE'S HOSPITAL OF KANSAS CITY",
        ccn: '260138',
        a: '4401 WORNALL ROAD|KANSAS CITY|MO|64111',
        ph: '(816) 932-2000',
        type: ACUTE,
      },
      {
        s: 'nppes',
        n: "SAINT LUKE'S HOSPITAL OF KANSAS CITY",
        npi9: '160914327',
        a: '4401 Wornall Rd|Kansas City|MO|641113220',
        tax: GENERAL_ACUTE,
      },
      { s: 'state-license', n: "St. Luke's Hospital of Kansas City", a: '4401 Wornall Rd.|Kansas City|MO|64111' },
      {
        s: 'workday',
        n: 'SLHKC Plaza Campus',
        alt: ["Saint Luke's Hospital - Plaza"],
        gln12: '086011200055',
        a: '4401 Wornall Road|Kansas City|MO|64111',
      },
    ],
  },
  {
    key: 'saint-lukes-kc-lab',
    records: [
      {
        s: 'nppes',
        n: "SAINT LUKE'S HOSPITAL OF KANSAS CITY LABORATORY",
        npi9: '137745092',
        a: '4401 Wornall Rd|Kansas City|MO|641113220',
        tax: '291U00000X',
      },
      { s: 'workday', n: "Saint Luke's Hospital Lab", a: '4401 Wornall Rd|Kansas City|MO|64111' },
    ],
  },
  {
    key: 'st-lukes-chesterfield',
    records: [
      {
        s: 'cms',
        n: "ST LUKE'S HOSPITAL",
        ccn: '260179',
        a: '232 SOUTH WOODS MILL ROAD|CHESTERFIELD|MO|63017',
        ph: '(314) 434-1500',
        type: ACUTE,
      },
      {
        s: 'nppes',
        n: "ST. LUKE'S EPISCOPAL-PRESBYTERIAN HOSPITALS",
        alt: ["ST. LUKE'S HOSPITAL"],
        npi9: '116320574',
        a: '232 S Woods Mill Rd|Chesterfield|MO|630173417',
        tax: GENERAL_ACUTE,
      },
      { s: 'state-license', n: "Saint Luke's Hospital", a: '232 S. Woods Mill Road|Chesterfield|MO|63017' },
    ],
  },
  {
    key: 'st-lukes-boise',
    records: [
      {
        s: 'cms',
        n: "ST LUKE'S REGIONAL MEDICAL CENTER",
        ccn: '130006',
        a: '190 EAST BANNOCK STREET|BOISE|ID|83712',
        ph: '(208) 381-2222',
        type: ACUTE,
      },
      {
        s: 'nppes',
        n: "ST. LUKE'S REGIONAL MEDICAL CENTER, LTD.",
        alt: ["ST. LUKE'S BOISE MEDICAL CENTER"],
        npi9: '149816302',
        a: '190 E Bannock St|Boise|ID|837126241',
        tax: GENERAL_ACUTE,
      },
    ],
  },
  {
    key: 'saint-francis-tulsa',
    records: [
      {
        s: 'cms',
        n: 'SAINT FRANCIS HOSPITAL',
        ccn: '370091',
        a: '6161 SOUTH YALE AVENUE|TULSA|OK|74136',
        ph: '(918) 494-2200',
        type: ACUTE,
      },
      { s: 'nppes', n: 'SAINT FRANCIS HOSPITAL, INC.', npi9: '128467035', a: '6161 S Yale Ave|Tulsa|OK|741361902', tax: GENERAL_ACUTE },
      { s: 'state-license', n: 'St. Francis Hospital', a: '6161 S. Yale Ave.|Tulsa|OK|74136' },
    ],
  },
  {
    key: 'saint-francis-hartford',
    records: [
      {
        s: 'cms',
        n: 'SAINT FRANCIS HOSPITAL & MEDICAL CENTER',
        ccn: '070002',
        a: '114 WOODLAND STREET|HARTFORD|CT|06105',
        ph: '(860) 714-4000',
        type: ACUTE,
      },
      {
        s: 'nppes',
        n: 'SAINT FRANCIS HOSPITAL AND MEDICAL CENTER',
        alt: ['TRINITY HEALTH OF NEW ENGLAND'],
        npi9: '133095728',
        a: '114 Woodland St|Hartford|CT|061051208',
        tax: GENERAL_ACUTE,
      },
      { s: 'state-license', n: 'St. Francis Hospital and Medical Center', a: '114 Woodland St.|Hartford|CT|6105' },
    ],
  },
  {
    key: 'mercy-st-louis',
    records: [
      {
        s: 'cms',
        n: 'MERCY HOSPITAL ST LOUIS',
        ccn: '260020',
        a: '615 SOUTH NEW BALLAS ROAD|SAINT LOUIS|MO|63141',
        ph: '(314) 251-6000',
        type: ACUTE,
      },
      {
        s: 'nppes',
        n: 'MERCY HOSPITALS EAST COMMUNITIES',
        alt: ['MERCY HOSPITAL ST. LOUIS'],
        npi9: '172569403',
        a: '615 S New Ballas Rd|Saint Louis|MO|631415820',
        tax: GENERAL_ACUTE,
      },
      { s: 'workday', n: 'Mercy Hospital St. Louis', gln12: '086011200062', a: '615 S. New Ballas Rd|St. Louis|MO|63141' },
    ],
  },
  {
    key: 'mercy-springfield',
    records: [
      {
        s: 'cms',
        n: 'MERCY HOSPITAL SPRINGFIELD',
        ccn: '260065',
        a: '1235 EAST CHEROKEE STREET|SPRINGFIELD|MO|65804',
        ph: '(417) 820-2000',
        type: ACUTE,
      },
      {
        s: 'nppes',
        n: 'MERCY HOSPITAL SPRINGFIELD',
        npi9: '119236847',
        a: '1235 E Cherokee St|Springfield|MO|658042263',
        tax: GENERAL_ACUTE,
      },
      { s: 'workday', n: 'Mercy Hospital Springfield', gln12: '086011200079', a: '1235 E. Cherokee St.|Springfield|MO|65804' },
    ],
  },
  {
    key: 'childrens-colorado',
    records: [
      {
        s: 'cms',
        n: "CHILDREN'S HOSPITAL COLORADO",
        ccn: '063301',
        a: '13123 EAST 16TH AVENUE|AURORA|CO|80045',
        ph: '(720) 777-1234',
        type: 'Childrens',
      },
      { s: 'nppes', n: "CHILDREN'S HOSPITAL COLORADO", npi9: '141659306', a: '13123 E 16th Ave|Aurora|CO|800457106', tax: '282NC2000X' },
      { s: 'state-license', n: 'Childrens Hospital Colorado', a: '13123 E. 16th Ave.|Aurora|CO|80045' },
    ],
  },
  {
    key: 'childrens-los-angeles',
    records: [
      {
        s: 'cms',
        n: "CHILDREN'S HOSPITAL LOS ANGELES",
        ccn: '053302',
        a: '4650 SUNSET BOULEVARD|LOS ANGELES|CA|90027',
        ph: '(323) 660-2450',
        type: 'Childrens',
      },
      {
        s: 'nppes',
        n: 'CHILDRENS HOSPITAL LOS ANGELES',
        npi9: '184930627',
        a: '4650 Sunset Blvd|Los Angeles|CA|900276062',
        tax: '282NC2000X',
      },
    ],
  },
  {
    key: 'providence-st-vincent',
    records: [
      {
        s: 'cms',
        n: 'PROVIDENCE ST VINCENT MEDICAL CENTER',
        ccn: '380004',
        a: '9205 SW BARNES ROAD|PORTLAND|OR|97225',
        ph: '(503) 216-1234',
        type: ACUTE,
      },
      {
        s: 'nppes',
        n: 'PROVIDENCE HEALTH & SERVICES - OREGON',
        alt: ['PROVIDENCE ST. VINCENT MEDICAL CENTER'],
        npi9: '152683904',
        a: '9205 SW Barnes Rd|Portland|OR|972256603',
        tax: GENERAL_ACUTE,
      },
      { s: 'state-license', n: 'Providence Saint Vincent Medical Center', a: '9205 S.W. Barnes Road|Portland|OR|97225' },
    ],
  },
  {
    key: 'st-vincent-worcester',
    records: [
      {
        s: 'cms',
        n: 'SAINT VINCENT HOSPITAL',
        ccn: '220176',
        a: '123 SUMMER STREET|WORCESTER|MA|01608',
        ph: '(508) 363-5000',
        type: ACUTE,
      },
      {
        s: 'nppes',
        n: 'VHS OF MASSACHUSETTS, INC.',
        alt: ['SAINT VINCENT HOSPITAL'],
        npi9: '165047382',
        a: '123 Summer St|Worcester|MA|016081216',
        tax: GENERAL_ACUTE,
      },
      { s: 'state-license', n: 'St. Vincent Hospital', a: '123 Summer St.|Worcester|MA|1608' },
    ],
  },
  {
    key: 'riverside-columbus',
    records: [
      {
        s: 'cms',
        n: 'OHIOHEALTH RIVERSIDE METHODIST HOSPITAL',
        ccn: '360006',
        a: '3535 OLENTANGY RIVER ROAD|COLUMBUS|OH|43214',
        ph: '(614) 566-5000',
        type: ACUTE,
      },
      {
        s: 'nppes',
        n: 'OHIOHEALTH CORPORATION',
        alt: ['RIVERSIDE METHODIST HOSPITAL'],
        npi9: '103657286',
        a: '3535 Olentangy River Rd|Columbus|OH|432143908',
        tax: GENERAL_ACUTE,
      },
      { s: 'workday', n: 'Riverside Methodist', gln12: '086011200086', a: '3535 Olentangy River Rd|Columbus|OH|43214' },
    ],
  },
  {
    key: 'riverside-newport-news',
    records: [
      {
        s: 'cms',
        n: 'RIVERSIDE REGIONAL MEDICAL CENTER',
        ccn: '490052',
        a: '500 J CLYDE MORRIS BOULEVARD|NEWPORT NEWS|VA|23601',
        ph: '(757) 594-2000',
        type: ACUTE,
      },
      {
        s: 'nppes',
        n: 'RIVERSIDE HOSPITAL, INC.',
        alt: ['RIVERSIDE REGIONAL MEDICAL CENTER'],
        npi9: '178206534',
        a: '500 J Clyde Morris Blvd|Newport News|VA|236011929',
        tax: GENERAL_ACUTE,
      },
    ],
  },
  // Round 5 (matchorgs5, written from public conventions, not from holdout5's records): ERP location masters and
  // roster lists name a hospital by its initials; the same initials name another hospital elsewhere (a hard negative).
  {
    key: 'maine-medical-center',
    records: [
      { s: 'cms', n: 'MAINE MEDICAL CENTER', ccn: '200009', a: '22 BRAMHALL STREET|PORTLAND|ME|04102', ph: '(207) 662-0111', type: ACUTE },
      { s: 'workday', n: 'MMC', gln12: '086011200501' },
      { s: 'workday', n: 'MMC', a: '22 Bramhall St|Portland|ME|04102' },
    ],
  },
  {
    key: 'rhode-island-hospital',
    records: [
      { s: 'cms', n: 'RHODE ISLAND HOSPITAL', ccn: '410007', a: '593 EDDY STREET|PROVIDENCE|RI|02903', ph: '(401) 444-4000', type: ACUTE },
      { s: 'workday', n: 'RIH' },
      { s: 'state-license', n: 'Rhode Island Hospital', a: '593 Eddy St|Providence|RI|02903' },
    ],
  },
  {
    key: 'baystate-medical-center',
    records: [
      {
        s: 'cms',
        n: 'BAYSTATE MEDICAL CENTER',
        ccn: '220077',
        a: '759 CHESTNUT STREET|SPRINGFIELD|MA|01199',
        ph: '(413) 794-0000',
        type: ACUTE,
      },
      { s: 'workday', n: 'BMC', a: '759 Chestnut St|Springfield|MA|01199' },
    ],
  },
  {
    key: 'boston-medical-center',
    records: [
      {
        s: 'cms',
        n: 'BOSTON MEDICAL CENTER',
        ccn: '220031',
        a: 'ONE BOSTON MEDICAL CENTER PLACE|BOSTON|MA|02118',
        ph: '(617) 638-8000',
        type: ACUTE,
      },
      { s: 'workday', n: 'BMC' },
    ],
  },
  {
    key: 'st-peters-albany',
    records: [
      {
        s: 'cms',
        n: "ST PETER'S HOSPITAL",
        ccn: '330057',
        a: '315 SOUTH MANNING BOULEVARD|ALBANY|NY|12208',
        ph: '(518) 525-1550',
        type: ACUTE,
      },
      { s: 'workday', n: 'SPH' },
    ],
  },
  // Session 8 (branch orgsneg6), from public conventions: ERP / distributor ship-to points (own account
  // suffix, often their own GLN in the GS1 registry) of one hospital — inpatient and outpatient pharmacy,
  // main OR, receiving dock — each a different delivery point from the hospital (the `mgh` entity above)
  // and from each other.
  {
    key: 'mgh-inpt-pharmacy',
    records: [
      { s: 'distributor-shipto', n: 'MASSACHUSETTS GEN HOSP INPT PHARM', a: '55 FRUIT ST GRB-005|BOSTON|MA|02114' },
      { s: 'gs1-gln', n: 'MASSACHUSETTS GENERAL HOSPITAL INPATIENT PHARMACY', gln12: '086001530041', a: '55 FRUIT ST|BOSTON|MA|02114' },
    ],
  },
  {
    key: 'mgh-op-pharmacy',
    records: [
      { s: 'distributor-shipto', n: 'MASSACHUSETTS GEN HOSP OP PHARM', a: '55 FRUIT ST WANG 1|BOSTON|MA|02114' },
      { s: 'gs1-gln', n: 'MASSACHUSETTS GENERAL HOSPITAL OUTPATIENT PHARMACY', gln12: '086001530042', a: '55 FRUIT ST|BOSTON|MA|02114' },
    ],
  },
  {
    key: 'mgh-main-or',
    records: [
      { s: 'distributor-shipto', n: 'MASSACHUSETTS GEN HOSP MAIN OR', a: '55 FRUIT ST|BOSTON|MA|02114' },
      { s: 'gs1-gln', n: 'MASSACHUSETTS GENERAL HOSPITAL - OR MAIN', gln12: '086001530043', a: '55 FRUIT ST|BOSTON|MA|02114' },
    ],
  },
  {
    key: 'mgh-dock',
    records: [{ s: 'distributor-shipto', n: 'MASSACHUSETTS GEN HOSP RECEIVING DOCK', a: '55 FRUIT ST|BOSTON|MA|02114' }],
  },
];

export const FACILITY_NEGATIVES: FacilityNegative[] = [
  { a: 'baystate-medical-center#1', b: 'boston-medical-center#0', differs: 'same initials, other hospital' },
  { a: 'boston-medical-center#1', b: 'baystate-medical-center#0', differs: 'same initials, other hospital' },
  { a: 'baystate-medical-center#1', b: 'boston-medical-center#1', differs: 'same initials, other hospital' },
  { a: 'st-josephs-tampa#0', b: 'st-josephs-paterson#0', differs: 'same name, other city' },
  { a: 'st-josephs-tampa#2', b: 'st-josephs-paterson#2', differs: 'same name, other city' },
  { a: 'st-josephs-tampa#1', b: 'st-josephs-phoenix#1', differs: 'same name, other city' },
  { a: 'st-josephs-paterson#1', b: 'st-josephs-phoenix#0', differs: 'same name, other city' },
  { a: 'st-josephs-tampa#1', b: 'st-josephs-childrens-tampa#0', differs: "hospital vs its children's hospital" },
  { a: 'st-josephs-tampa#2', b: 'st-josephs-childrens-tampa#1', differs: "hospital vs its children's hospital" },
  { a: 'memorial-colorado-springs#2', b: 'memorial-south-bend#2', differs: 'same name, other city' },
  { a: 'memorial-south-bend#2', b: 'memorial-gulfport#2', differs: 'same name, other city' },
  { a: 'memorial-gulfport#1', b: 'memorial-south-bend#1', differs: 'same name, other city' },
  { a: 'memorial-carbondale#1', b: 'memorial-south-bend#0', differs: 'same name, other city' },
  { a: 'memorial-gulfport#2', b: 'memorial-colorado-springs#2', differs: 'same name, other city' },
  { a: 'good-sam-cincinnati#0', b: 'good-sam-san-jose#0', differs: 'same name, other city' },
  { a: 'good-sam-cincinnati#2', b: 'good-sam-san-jose#2', differs: 'same name, other city' },
  { a: 'good-sam-cincinnati#1', b: 'good-sam-west-islip#1', differs: 'same name, other city' },
  { a: 'good-sam-san-jose#1', b: 'good-sam-west-islip#0', differs: 'same name, other city' },
  { a: 'mgh#1', b: 'mgh-chelsea#0', differs: 'hospital vs its clinic' },
  { a: 'mgh#3', b: 'mgh-chelsea#1', differs: 'hospital vs its clinic' },
  { a: 'mgh#1', b: 'mgh-lab#0', differs: 'hospital vs its laboratory' },
  { a: 'mgh#2', b: 'mgh-lab#1', differs: 'hospital vs its laboratory' },
  { a: 'cleveland-clinic#0', b: 'cleveland-clinic-florida#0', differs: 'same name, other city' },
  { a: 'cleveland-clinic#1', b: 'cleveland-clinic-florida#1', differs: 'same name, other city' },
  { a: 'johns-hopkins#1', b: 'johns-hopkins-bayview#1', differs: 'sister campus' },
  { a: 'johns-hopkins#0', b: 'johns-hopkins-bayview#0', differs: 'sister campus' },
  { a: 'johns-hopkins#1', b: 'johns-hopkins-outpatient#0', differs: 'hospital vs its clinic' },
  { a: 'johns-hopkins#2', b: 'johns-hopkins-outpatient#1', differs: 'hospital vs its clinic' },
  { a: 'mayo-rochester#0', b: 'mayo-phoenix#0', differs: 'same name, other city' },
  { a: 'mayo-rochester#1', b: 'mayo-phoenix#1', differs: 'same name, other city' },
  { a: 'mount-sinai-nyc#0', b: 'mount-sinai-chicago#0', differs: 'same name, other city' },
  { a: 'mount-sinai-nyc#2', b: 'mount-sinai-chicago#2', differs: 'same name, other city' },
  { a: 'mount-sinai-nyc#1', b: 'mount-sinai-miami#1', differs: 'same name, other city' },
  { a: 'mount-sinai-chicago#1', b: 'mount-sinai-miami#0', differs: 'same name, other city' },
  { a: 'saint-lukes-kc#1', b: 'saint-lukes-kc-lab#0', differs: 'hospital vs its laboratory' },
  { a: 'saint-lukes-kc#3', b: 'saint-lukes-kc-lab#1', differs: 'hospital vs its laboratory' },
  { a: 'saint-lukes-kc#2', b: 'st-lukes-chesterfield#2', differs: 'same name, other city' },
  { a: 'saint-lukes-kc#0', b: 'st-lukes-chesterfield#0', differs: 'same name, other city' },
  { a: 'st-lukes-chesterfield#1', b: 'st-lukes-boise#1', differs: 'same name, other city' },
  { a: 'saint-francis-tulsa#0', b: 'saint-francis-hartford#0', differs: 'same name, other city' },
  { a: 'saint-francis-tulsa#2', b: 'saint-francis-hartford#2', differs: 'same name, other city' },
  { a: 'mercy-st-louis#0', b: 'mercy-springfield#0', differs: 'same name, other city' },
  { a: 'mercy-st-louis#2', b: 'mercy-springfield#2', differs: 'same name, other city' },
  { a: 'childrens-colorado#0', b: 'childrens-los-angeles#0', differs: 'same name, other city' },
  { a: 'childrens-colorado#1', b: 'childrens-los-angeles#1', differs: 'same name, other city' },
  { a: 'providence-st-vincent#2', b: 'st-vincent-worcester#2', differs: 'same name, other city' },
  { a: 'riverside-columbus#2', b: 'riverside-newport-news#1', differs: 'same name, other city' },
  // Session 8 (orgsneg6): delivery points of one hospital.
  { a: 'mgh#0', b: 'mgh-inpt-pharmacy#0', differs: 'inpatient pharmacy ship-to vs its hospital' },
  { a: 'mgh-inpt-pharmacy#0', b: 'mgh-op-pharmacy#0', differs: 'inpatient vs outpatient pharmacy in one building' },
  { a: 'mgh-inpt-pharmacy#1', b: 'mgh-op-pharmacy#1', differs: 'inpatient vs outpatient pharmacy in one building' },
  { a: 'mgh#0', b: 'mgh-main-or#1', differs: 'main operating room vs its hospital' },
  { a: 'mgh#1', b: 'mgh-main-or#0', differs: 'main operating room vs its hospital' },
  { a: 'mgh-main-or#0', b: 'mgh-dock#0', differs: 'two delivery points of one hospital' },
  { a: 'mgh#1', b: 'mgh-dock#0', differs: 'receiving dock vs its hospital' },
];
