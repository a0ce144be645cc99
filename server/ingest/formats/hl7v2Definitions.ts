/**
 * HL7 v2 segment and data type definitions for the segments supply-chain feeds send (MFN^M16 item
 * master: MFI, MFE, ITM, VND, PKG, PCE, IVT; MFN^M15 inventory IIM for v2.5; batch FHS/BHS/BTS/FTS;
 * MSH, MSA, ERR, NTE). Field names are the standard's element names in PascalCase. A segment or field
 * that is not listed here is still parsed, keyed by position (`ZIT_1`).
 */

/** A field of a segment or a component of a composite type: name, data type and whether it repeats. */
export interface ElementDefinition {
  name: string;
  type: string;
  repeats?: boolean;
}

const f = (name: string, type: string, repeats = false): ElementDefinition => (repeats ? { name, type, repeats } : { name, type });

/** Composite data types by name; anything not here is a primitive (ST, ID, IS, NM, SI, DTM, TX, FT, DT…). */
export const HL7_DATA_TYPES: Readonly<Record<string, readonly ElementDefinition[]>> = {
  HD: [f('NamespaceId', 'IS'), f('UniversalId', 'ST'), f('UniversalIdType', 'ID')],
  EI: [f('EntityIdentifier', 'ST'), f('NamespaceId', 'IS'), f('UniversalId', 'ST'), f('UniversalIdType', 'ID')],
  CWE: [f('Identifier', 'ST'), f('Text', 'ST'), f('NameOfCodingSystem', 'ID'), f('AlternateIdentifier', 'ST'), f('AlternateText', 'ST'), f('NameOfAlternateCodingSystem', 'ID'), f('CodingSystemVersionId', 'ST'), f('AlternateCodingSystemVersionId', 'ST'), f('OriginalText', 'ST')],
  CNE: [f('Identifier', 'ST'), f('Text', 'ST'), f('NameOfCodingSystem', 'ID'), f('AlternateIdentifier', 'ST'), f('AlternateText', 'ST'), f('NameOfAlternateCodingSystem', 'ID')],
  MO: [f('Quantity', 'NM'), f('Denomination', 'ID')],
  CP: [f('Price', 'MO'), f('PriceType', 'ID'), f('FromValue', 'NM'), f('ToValue', 'NM'), f('RangeUnits', 'CWE'), f('RangeType', 'ID')],
  MSG: [f('MessageCode', 'ID'), f('TriggerEvent', 'ID'), f('MessageStructure', 'ID')],
  PT: [f('ProcessingId', 'ID'), f('ProcessingMode', 'ID')],
  VID: [f('VersionId', 'ID'), f('InternationalizationCode', 'CWE'), f('InternationalVersionId', 'CWE')],
  CX: [f('IdNumber', 'ST'), f('IdentifierCheckDigit', 'ST'), f('CheckDigitScheme', 'ID'), f('AssigningAuthority', 'HD'), f('IdentifierTypeCode', 'ID'), f('AssigningFacility', 'HD')],
  XON: [f('OrganizationName', 'ST'), f('OrganizationNameTypeCode', 'IS'), f('IdNumber', 'NM'), f('IdentifierCheckDigit', 'NM'), f('CheckDigitScheme', 'ID'), f('AssigningAuthority', 'HD'), f('IdentifierTypeCode', 'ID'), f('AssigningFacility', 'HD'), f('NameRepresentationCode', 'ID'), f('OrganizationIdentifier', 'ST')],
  ERL: [f('SegmentId', 'ST'), f('SegmentSequence', 'NM'), f('FieldPosition', 'NM'), f('FieldRepetition', 'NM'), f('ComponentNumber', 'NM'), f('SubComponentNumber', 'NM')],
  TS: [f('Time', 'DTM'), f('DegreeOfPrecision', 'ID')],
};

const HEADER_FIELDS = [f('FieldSeparator', 'ST'), f('EncodingCharacters', 'ST'), f('SendingApplication', 'HD'), f('SendingFacility', 'HD'), f('ReceivingApplication', 'HD'), f('ReceivingFacility', 'HD')];

/** Segments by name: their fields in order (field 1 first). */
export const HL7_SEGMENTS: Readonly<Record<string, readonly ElementDefinition[]>> = {
  MSH: [
    ...HEADER_FIELDS,
    f('DateTimeOfMessage', 'DTM'), f('Security', 'ST'), f('MessageType', 'MSG'), f('MessageControlId', 'ST'), f('ProcessingId', 'PT'), f('VersionId', 'VID'),
    f('SequenceNumber', 'NM'), f('ContinuationPointer', 'ST'), f('AcceptAcknowledgmentType', 'ID'), f('ApplicationAcknowledgmentType', 'ID'), f('CountryCode', 'ID'),
    f('CharacterSet', 'ID', true), f('PrincipalLanguageOfMessage', 'CWE'),
  ],
  FHS: [...HEADER_FIELDS, f('FileCreationDateTime', 'DTM'), f('FileSecurity', 'ST'), f('FileNameId', 'ST'), f('FileHeaderComment', 'ST'), f('FileControlId', 'ST'), f('ReferenceFileControlId', 'ST')],
  BHS: [...HEADER_FIELDS, f('BatchCreationDateTime', 'DTM'), f('BatchSecurity', 'ST'), f('BatchNameIdType', 'ST'), f('BatchComment', 'ST'), f('BatchControlId', 'ST'), f('ReferenceBatchControlId', 'ST')],
  BTS: [f('BatchMessageCount', 'ST'), f('BatchComment', 'ST'), f('BatchTotals', 'NM', true)],
  FTS: [f('FileBatchCount', 'NM'), f('FileTrailerComment', 'ST')],
  MSA: [f('AcknowledgmentCode', 'ID'), f('MessageControlId', 'ST'), f('TextMessage', 'ST'), f('ExpectedSequenceNumber', 'NM'), f('DelayedAcknowledgmentType', 'ID'), f('ErrorCondition', 'CWE')],
  ERR: [f('ErrorCodeAndLocation', 'ST', true), f('ErrorLocation', 'ERL', true), f('Hl7ErrorCode', 'CWE'), f('Severity', 'ID'), f('ApplicationErrorCode', 'CWE'), f('ApplicationErrorParameter', 'ST', true), f('DiagnosticInformation', 'TX'), f('UserMessage', 'TX')],
  NTE: [f('SetId', 'SI'), f('SourceOfComment', 'ID'), f('Comment', 'FT', true), f('CommentType', 'CWE')],
  MFI: [f('MasterFileIdentifier', 'CWE'), f('MasterFileApplicationIdentifier', 'HD', true), f('FileLevelEventCode', 'ID'), f('EnteredDateTime', 'DTM'), f('EffectiveDateTime', 'DTM'), f('ResponseLevelCode', 'ID')],
  MFE: [f('RecordLevelEventCode', 'ID'), f('MfnControlId', 'ST'), f('EffectiveDateTime', 'DTM'), f('PrimaryKeyValue', 'CWE', true), f('PrimaryKeyValueType', 'ID', true), f('EnteredDateTime', 'DTM'), f('EnteredBy', 'ST')],
  ITM: [
    f('ItemIdentifier', 'EI'), f('ItemDescription', 'ST'), f('ItemStatus', 'CWE'), f('ItemType', 'CWE'), f('ItemCategory', 'CWE'), f('SubjectToExpirationIndicator', 'CNE'),
    f('ManufacturerIdentifier', 'EI'), f('ManufacturerName', 'ST'), f('ManufacturerCatalogNumber', 'ST'), f('ManufacturerLabelerIdentificationCode', 'CWE'),
    f('PatientChargeableIndicator', 'CNE'), f('TransactionCode', 'CWE'), f('TransactionAmountUnit', 'CP'), f('StockedItemIndicator', 'CNE'), f('SupplyRiskCodes', 'CWE', true),
    f('ApprovingRegulatoryAgency', 'XON', true), f('LatexIndicator', 'CNE'), f('RulingAct', 'CWE', true), f('ItemNaturalAccountCode', 'IS'), f('ApprovedToBuyQuantity', 'NM'),
    f('ApprovedToBuyPrice', 'MO'), f('TaxableItemIndicator', 'CNE'), f('FreightChargeIndicator', 'CNE'), f('ItemSetIndicator', 'CNE'), f('ItemSetIdentifier', 'EI'),
    f('TrackDepartmentUsageIndicator', 'CNE'), f('ProcedureCode', 'CNE'), f('ProcedureCodeModifier', 'CNE', true), f('SpecialHandlingCode', 'CWE'),
  ],
  VND: [f('SetId', 'SI'), f('VendorIdentifier', 'EI'), f('VendorName', 'ST'), f('VendorCatalogNumber', 'EI'), f('PrimaryVendorIndicator', 'CNE')],
  PKG: [
    f('SetId', 'SI'), f('PackagingUnits', 'CWE'), f('DefaultOrderUnitOfMeasureIndicator', 'CNE'), f('PackageQuantity', 'NM'), f('Price', 'CP'), f('FutureItemPrice', 'CP'),
    f('FutureItemPriceEffectiveDate', 'DTM'), f('GlobalTradeItemNumber', 'CWE'), f('ContractPrice', 'MO'), f('QuantityOfEach', 'NM'), f('VendorCatalogNumber', 'EI'),
  ],
  PCE: [f('SetId', 'SI'), f('CostCenterAccountNumber', 'CX'), f('TransactionCode', 'CWE'), f('TransactionAmountUnit', 'CP')],
  IVT: [
    f('SetId', 'SI'), f('InventoryLocationIdentifier', 'EI'), f('InventoryLocationName', 'ST'), f('SourceLocationIdentifier', 'EI'), f('SourceLocationName', 'ST'), f('ItemStatus', 'CWE'),
    f('BinLocationIdentifier', 'EI', true), f('OrderPackaging', 'CWE'), f('IssuePackaging', 'CWE'), f('DefaultInventoryAssetAccount', 'EI'), f('PatientChargeableIndicator', 'CNE'),
    f('TransactionCode', 'CWE'), f('TransactionAmountUnit', 'CP'), f('ItemImportanceCode', 'CWE'), f('StockedItemIndicator', 'CNE'), f('ConsignmentItemIndicator', 'CNE'),
    f('ReusableItemIndicator', 'CNE'), f('ReusableCost', 'CP'), f('SubstituteItemIdentifier', 'EI', true), f('LatexFreeSubstituteItemIdentifier', 'EI'), f('RecommendedReorderTheory', 'CWE'),
    f('RecommendedSafetyStockDays', 'NM'), f('RecommendedMaximumDaysInventory', 'NM'), f('RecommendedOrderPoint', 'NM'), f('RecommendedOrderAmount', 'NM'), f('OperatingRoomParLevelIndicator', 'CNE'),
  ],
  IIM: [
    f('PrimaryKeyValue', 'CWE'), f('ServiceItemCode', 'CWE'), f('InventoryLotNumber', 'ST'), f('InventoryExpirationDate', 'DTM'), f('InventoryManufacturerName', 'CWE'),
    f('InventoryLocation', 'CWE'), f('InventoryReceivedDate', 'DTM'), f('InventoryReceivedQuantity', 'NM'), f('InventoryReceivedQuantityUnit', 'CWE'), f('InventoryReceivedItemCost', 'MO'),
    f('InventoryOnHandDate', 'DTM'), f('InventoryOnHandQuantity', 'NM'), f('InventoryOnHandQuantityUnit', 'CWE'), f('ProcedureCode', 'CNE'), f('ProcedureCodeModifier', 'CNE', true),
  ],
};
