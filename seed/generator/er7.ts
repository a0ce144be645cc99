/**
 * Writes the Epic supply feed as HL7 v2.6 ER7: one MFN^M16 message per item (MSH, MFI, MFE, ITM, VND,
 * PKG), in one FHS/BHS batch file — what an interface engine drops for a bulk load. The generator keeps
 * building each item as HL7-named JSON; this only serialises it (separators in data escaped).
 */

type Json = Record<string, unknown>;

/** Escapes the ER7 separators in a value (\F\ \S\ \R\ \E\ \T\). */
export function er7Escape(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value).replace(/[\\|^~&]/g, (char) => ({ '\\': '\\E\\', '|': '\\F\\', '^': '\\S\\', '~': '\\R\\', '&': '\\T\\' })[char] ?? char);
}

const components = (...values: unknown[]): string => values.map(er7Escape).join('^').replace(/\^+$/, '');
const segment = (name: string, ...fields: string[]): string => [name, ...fields].join('|').replace(/\|+$/, '');
const object = (value: unknown): Json => (value && typeof value === 'object' ? (value as Json) : {});

/** One MFN^M16 message for an item of the Epic feed. */
export function epicItemToEr7(item: Json, controlId: string, timestamp: string): string[] {
  const mfe = object(item.MFE);
  const itm = object(item.ITM);
  const key = object(mfe.PrimaryKeyValue);
  const risks = Array.isArray(itm.SupplyRiskCodes) ? (itm.SupplyRiskCodes as Json[]) : [];
  const itmFields = [
    components(object(itm.ItemIdentifier).Identifier, object(itm.ItemIdentifier).NamespaceId),
    er7Escape(itm.ItemDescription),
    components(object(itm.ItemStatus).Identifier, object(itm.ItemStatus).Text),
    components(object(itm.ItemType).Identifier),
    components(object(itm.ItemCategory).Identifier, '', object(itm.ItemCategory).NameOfCodingSystem),
    er7Escape(itm.SubjectToExpirationIndicator),
    components(object(itm.ManufacturerIdentifier).Identifier),
    er7Escape(itm.ManufacturerName),
    er7Escape(itm.ManufacturerCatalogNumber),
    '',
    er7Escape(itm.PatientChargeableIndicator),
    '',
    '',
    '',
    risks.map((risk) => components(risk.Identifier, risk.Text, risk.NameOfCodingSystem)).join('~'),
    '',
    er7Escape(itm.LatexIndicator),
  ];
  const vendors = (Array.isArray(item.VND) ? (item.VND as Json[]) : []).map((vnd) =>
    segment('VND', er7Escape(vnd.SetId), components(object(vnd.VendorIdentifier).Identifier), er7Escape(vnd.VendorName), components(vnd.VendorCatalogNumber), er7Escape(vnd.PrimaryVendorIndicator)),
  );
  const packages = (Array.isArray(item.PKG) ? (item.PKG as Json[]) : []).map((pkg) => {
    const price = object(pkg.Price);
    const priceField = price.Quantity !== undefined ? [er7Escape(price.Quantity), er7Escape(price.Denomination)].join('&') : '';
    return segment('PKG', er7Escape(pkg.SetId), components(object(pkg.PackagingUnits).Identifier, object(pkg.PackagingUnits).Text), er7Escape(pkg.DefaultOrderUnitOfMeasureIndicator), er7Escape(pkg.PackageQuantity), priceField, '', '', components(pkg.GlobalTradeItemNumber), '', er7Escape(pkg.QuantityOfEach));
  });
  return [
    segment('MSH', '^~\\&', 'EPIC', 'SUPPLY', 'MDM', 'HUB', timestamp, '', 'MFN^M16^MFN_M16', controlId, 'P', '2.6'),
    segment('MFI', 'ITM^Item Master^HL70175', '', 'UPD', '', '', 'AL'),
    segment('MFE', er7Escape(mfe.RecordLevelEventCode), '', er7Escape(mfe.EffectiveDateTime), components(key.Identifier, '', key.NamespaceId), 'CWE'),
    segment('ITM', ...itmFields),
    ...vendors,
    ...packages,
  ];
}

/** The whole feed as one FHS/BHS batch file (CRLF segment ends, which ER7 readers accept as CR). */
export function epicFeedToEr7Batch(items: Json[], options: { timestamp: string }): string {
  const messages = items.flatMap((item, index) => epicItemToEr7(item, `EPICSUP${String(index + 1).padStart(6, '0')}`, options.timestamp));
  const lines = [
    segment('FHS', '^~\\&', 'EPIC', 'SUPPLY', 'MDM', 'HUB', options.timestamp),
    segment('BHS', '^~\\&', 'EPIC', 'SUPPLY', 'MDM', 'HUB', options.timestamp),
    ...messages,
    segment('BTS', String(items.length)),
    segment('FTS', '1'),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
