/**
 * Writes Workday suppliers as the SOAP response of Get_Suppliers (wd: namespace): the generator keeps
 * building each supplier in Workday's JSON form ({"ID":[{"-type":…,"#content":…}]}); this serialises
 * it — keys starting with "-" become attributes, "#content" the element text, arrays repeated elements.
 */

const WD_NAMESPACE = 'urn:com.workday/bsvc';

/** Elements that repeat in Workday's schema: the mapping's `alwaysArray` setting lists the same names. */
export const WORKDAY_SUPPLIER_ARRAYS = [
  'ID', 'Tax_ID_Data', 'Address_Data', 'Address_Line_Data', 'Usage_Data', 'Type_Data', 'Use_For_Reference', 'Phone_Data',
  'Web_Address_Data', 'Email_Address_Data', 'Included_Children_Reference', 'Business_Entity_Alternate_Name_Data',
];

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function element(name: string, value: unknown, indent: string): string {
  if (Array.isArray(value)) return value.map((entry) => element(name, entry, indent)).join('');
  if (value === null || typeof value !== 'object') return `${indent}<wd:${name}>${escapeXml(String(value ?? ''))}</wd:${name}>\n`;
  const entries = Object.entries(value as Record<string, unknown>);
  const attributes = entries.filter(([key]) => key.startsWith('-')).map(([key, attribute]) => ` wd:${key.slice(1)}="${escapeXml(String(attribute))}"`).join('');
  const text = entries.find(([key]) => key === '#content')?.[1];
  const children = entries.filter(([key]) => !key.startsWith('-') && key !== '#content');
  if (children.length === 0) return `${indent}<wd:${name}${attributes}>${text === undefined ? '' : escapeXml(String(text))}</wd:${name}>\n`;
  return `${indent}<wd:${name}${attributes}>\n${children.map(([key, child]) => element(key, child, `${indent}  `)).join('')}${indent}</wd:${name}>\n`;
}

/** A Get_Suppliers SOAP response holding `suppliers`. */
export function workdaySuppliersToSoap(suppliers: unknown[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/">\n`,
    '  <env:Body>\n',
    `    <wd:Get_Suppliers_Response xmlns:wd="${WD_NAMESPACE}" wd:version="v42.0">\n`,
    `      <wd:Response_Results>\n        <wd:Total_Results>${suppliers.length}</wd:Total_Results>\n        <wd:Page>1</wd:Page>\n      </wd:Response_Results>\n`,
    '      <wd:Response_Data>\n',
    ...suppliers.map((supplier) => element('Supplier', supplier, '        ')),
    '      </wd:Response_Data>\n',
    '    </wd:Get_Suppliers_Response>\n',
    '  </env:Body>\n',
    '</env:Envelope>\n',
  ].join('');
}
