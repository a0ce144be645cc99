/**
 * Writes a distributor price catalog as an X12 005010 832 (Price/Sales Catalog): one ISA/GS/ST envelope,
 * the catalog header (BCT, DTM, N1 seller) and one LIN loop per item (LIN with VN/MG/UK qualifier pairs,
 * PID description, N1 manufacturer, PO4 pack, CTP prices per each and per box). Delimiters: `*` element,
 * `:` component, `~` segment (a line break after each, as most VANs deliver it).
 */

export interface CatalogLine {
  vendorItem: string;
  manufacturerPart: string;
  gtinEach: string;
  description: string;
  manufacturer: string;
  eachesPerBox: number;
  priceEach: number;
}

/** Element separator, component separator and segment terminator cannot appear in data: spaces instead. */
const clean = (value: string): string => value.replace(/[*:~^\r\n]/g, ' ').replace(/ {2,}/g, ' ').trim();
const fixed = (value: string, width: number): string => value.padEnd(width, ' ').slice(0, width);

export function catalogToX12(input: { sender: string; seller: string; catalogId: string; date: string; control: number; lines: CatalogLine[] }): string {
  const control = String(input.control).padStart(9, '0');
  const isa = `ISA*00*${fixed('', 10)}*00*${fixed('', 10)}*ZZ*${fixed(input.sender, 15)}*ZZ*${fixed('RIVERSIDEHLTH', 15)}*${input.date.slice(2)}*0600*^*00501*${control}*0*P*:`;
  if (isa.length !== 105) throw new Error(`ISA is ${isa.length + 1} characters, not 106`);
  const transaction: string[] = [
    'ST*832*0001',
    `BCT*PC*${clean(input.catalogId)}`,
    `DTM*007*${input.date}`,
    `N1*SE*${clean(input.seller)}*92*${clean(input.sender)}`,
  ];
  input.lines.forEach((line, index) => {
    transaction.push(
      `LIN*${index + 1}*VN*${clean(line.vendorItem)}*MG*${clean(line.manufacturerPart)}*UK*${line.gtinEach}`,
      `PID*F****${clean(line.description)}`,
      `N1*MF*${clean(line.manufacturer)}`,
      `PO4*${line.eachesPerBox}*1*EA`,
      `CTP**CON*${line.priceEach.toFixed(4)}*1*EA`,
      `CTP**CON*${(line.priceEach * line.eachesPerBox).toFixed(2)}*1*BX`,
    );
  });
  transaction.push(`SE*${transaction.length + 1}*0001`);
  const segments = [isa, `GS*SC*${clean(input.sender)}*RIVERSIDEHLTH*${input.date}*0600*${input.control}*X*005010`, ...transaction, `GE*1*${input.control}`, `IEA*1*${control}`];
  return segments.map((segment) => `${segment}~\n`).join('');
}
