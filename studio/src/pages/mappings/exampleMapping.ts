/** A realistic starting point for the Mappings page: PeopleSoft item master rows → canonical items. */

export const EXAMPLE_DOMAIN = 'item';

export const EXAMPLE_SAMPLES = JSON.stringify(
  [
    {
      SETID: 'SHARE',
      INV_ITEM_ID: '000123456',
      DESCR60: 'GLOVE EXAM NITRILE PF MED 100/BX',
      UNIT_MEASURE_STD: 'BX',
      CATEGORY_ID: '42132205',
      ITM_STATUS_CURRENT: '1',
      GTIN: '10888439001235',
      ITEM_MFG: [{ MFG_ID: 'CARDINAL HEALTH', MFG_ITM_ID: '8852-MED', PREFERRED_MFG: 'Y' }],
      INV_ITEM_UOM: [
        { UNIT_OF_MEASURE: 'BX', CONVERSION_RATE: 100 },
        { UNIT_OF_MEASURE: 'CA', CONVERSION_RATE: 1000 },
      ],
    },
    {
      SETID: 'SHARE',
      INV_ITEM_ID: '000123457',
      DESCR60: 'SYRINGE 10ML LUER LOCK',
      UNIT_MEASURE_STD: 'EA',
      CATEGORY_ID: '42142523',
      ITM_STATUS_CURRENT: '2',
      ITEM_MFG: [{ MFG_ID: 'BD', MFG_ITM_ID: '302995', PREFERRED_MFG: 'Y' }],
      INV_ITEM_UOM: [{ UNIT_OF_MEASURE: 'EA', CONVERSION_RATE: 1 }],
    },
  ],
  null,
  2,
);

export const EXAMPLE_LOOKUPS = JSON.stringify({ itemStatus: { '1': 'active', '2': 'inactive' } }, null, 2);

export const EXAMPLE_EXPRESSION = `{
  "sourceId": INV_ITEM_ID,
  "status": $lookup('itemStatus', ITM_STATUS_CURRENT, 'active'),
  "description": $trim(DESCR60),
  "manufacturer": { "name": ITEM_MFG[PREFERRED_MFG = 'Y'].MFG_ID },
  "manufacturerPartNumber": ITEM_MFG[PREFERRED_MFG = 'Y'].MFG_ITM_ID,
  "gtin": GTIN,
  "unspsc": CATEGORY_ID,
  "baseUom": $uom(UNIT_MEASURE_STD),
  "packaging": [INV_ITEM_UOM.{
    "uom": $uom(UNIT_OF_MEASURE),
    "quantityOfEaches": CONVERSION_RATE
  }]
}`;
