/**
 * Par-level / bin sheets (items16, item-3.25.0): a hospital unit's stock sheet writes each item as
 * `unit | BIN D-1516 | PAR 12 | ROP 4 | KWIRE TROC 1.6X150 SS | EA` — where the item is kept, how many are kept (par
 * level), when to reorder (reorder point), the description and the unit of issue. Only the description and the unit of
 * issue describe the product: the bin (`D-1516`, `S-2III`, `O-4L`) was read as a catalogue number shared by every item
 * of one shelf and as sizes (`O-4L` as 4 L), and `PAR 12` / `ROP 4` are stock levels, not counts per pack. The text
 * rewrite `parLevelColumns` keeps the description and writes a unit of issue with a count (`BX50`, `PK10`) as the
 * count per pack (`50/BX`); a bare unit (`EA`, `PR`) is dropped.
 *
 * Printed bin labels of two-bin / PAR-level (Kanban) systems (items27bins, item-3.52.0) write the same columns in another
 * order, with the description BEFORE the par column and the label's own furniture after it:
 * `ANES WORKROOM | LOC A08-1-3 | ITEM 329199 | NDL BLOCK 22GX50MM | UOM BX | PAR 2 | ROP 1 | BIN 2 OF 2 | *329199*` —
 * the owning department, its location, the hospital's own stock number (`ITEM n`, `STOCK NO n`, `SKU n`: the number
 * the label's barcode repeats for scan-to-reorder, never the maker's catalogue number), the unit of issue with its label
 * (`UOM BX`, `U/M EA`), which bin of the pair the card is (`BIN 2 OF 2 - SCAN TO REORDER`), the label kind (`PAR`,
 * `KANBAN`) and the barcode's human-readable line (Code 39 prints its `*` start / stop characters: ISO/IEC 16388). None
 * of them describes the product; before, a `BIN 2 OF 2` column after the par column was taken for the description and
 * the real description before it was dropped. The first column is the department only when another description column
 * stands before the par column (the first layout's description may itself lead the line, before its bin).
 *
 * Hand-written: a column layout, not general text processing. Gated on a `|` in the line and a `PAR n` column, so a
 * line of any other source returns at its first test (the matching CPU budget).
 */

/** A par-level column: `PAR 12`, `PAR: 12`, `PAR LEVEL 12`. */
const PAR_COLUMN = /^\s*PAR(?:\sLEVEL|\sQTY)?\s?:?\s?\d{1,5}\s*$/i;
/** Reorder point, minimum and maximum columns: stock levels. */
const STOCK_LEVEL_COLUMN = /^\s*(?:ROP|REORDER(?:\sPOINT)?|MIN|MAX|QOH|ON\sHAND)\s?:?\s?\d{1,5}\s*$/i;
/** Where the item is kept, when it stands beside the description rather than before the par column. */
const LOCATION_COLUMN = /^\s*(?:BIN|SHELF|DRAWER|CABINET|RACK|SLOT|LOC|LOCATION|AISLE|POCKET|PYXIS|OMNICELL)\b/i;
/** A unit of issue column: `EA`, `PR`, `BX50`, `PK 10`, `CS100`. */
const UNIT_OF_ISSUE_COLUMN =
  /^\s*(?:(?:UOM|U\/M|UNIT|ISSUE\sUNIT|UNIT\sOF\sISSUE)\s?:?\s?)?(EA|EACH|PR|PAIR|BX|BOX|PK|PKG|PACK|CS|CASE|BG|BAG|KT|KIT|RL|ROLL|BT|BTL|TRAY|DZ|DOZEN)\s?(\d{1,5})?\s*$/i;
/** The hospital's own stock number (`ITEM 329199`, `ITEM NO: 12-044`, `STOCK # 5521`, `SKU 88412`): the label's scan-to-reorder key. */
const STOCK_NUMBER_COLUMN =
  /^\s*(?:ITEM|ITEM\s?(?:NO|NUM|NUMBER|ID|#)|STOCK\s?(?:NO|NUM|NUMBER|#)|SKU)\.?\s?:?\s?#?\s?[A-Z0-9][A-Z0-9-]{2,19}\s*$/i;
/** The label's own kind and card furniture: `PAR`, `KANBAN`, `TWO-BIN`, `SCAN TO REORDER`. */
const LABEL_KIND_COLUMN = /^\s*(?:PAR(?:\sLEVEL)?|KANBAN|TWO[\s-]BIN|2[\s-]BIN|REORDER\s(?:CARD|LABEL)|SCAN\sTO\sREORDER)\s*$/i;
/** A barcode's human-readable line with the Code 39 start / stop asterisks (ISO/IEC 16388): `*329199*`. */
const CODE39_TEXT_COLUMN = /^\s*\*[A-Z0-9\-. $/+%]{1,40}\*\s*$/i;
const HAS_PAR_COLUMN = /\|\s*PAR(?:\sLEVEL|\sQTY)?\s?:?\s?\d/i;

/** `text` with a par-level sheet's location, par and reorder columns out (the text itself when it is no such line). */
export function withoutParLevelColumns(text: string): string {
  if (!text.includes('|') || !HAS_PAR_COLUMN.test(text)) return text;
  const columns = text.split('|');
  const parAt = columns.findIndex((column) => PAR_COLUMN.test(column));
  const isStockColumn = (column: string) => PAR_COLUMN.test(column) || STOCK_LEVEL_COLUMN.test(column);
  const isFurniture = (column: string) =>
    isStockColumn(column) ||
    LOCATION_COLUMN.test(column) ||
    STOCK_NUMBER_COLUMN.test(column) ||
    LABEL_KIND_COLUMN.test(column) ||
    CODE39_TEXT_COLUMN.test(column) ||
    column.trim() === '';
  const isDescriptionColumn = (column: string) => !isFurniture(column) && !UNIT_OF_ISSUE_COLUMN.test(column);
  // The description after the par column: every column before it is the unit and its bin.
  const isDescriptionAfter = columns.some((column, i) => i > parAt && isDescriptionColumn(column));
  // The description before the par column: a first column with another description column after it is the department
  // that owns the bin (both layouts lead with it; the location and stock-number cells between may already be out).
  const isDepartmentFirst =
    !isDescriptionAfter &&
    isDescriptionColumn(columns[0] ?? '') &&
    columns.some((column, i) => i > 0 && i < parAt && isDescriptionColumn(column));
  const kept: string[] = [];
  columns.forEach((column, i) => {
    if (isFurniture(column) || (isDepartmentFirst && i === 0)) return;
    if (isDescriptionAfter && i < parAt) return;
    const unit = UNIT_OF_ISSUE_COLUMN.exec(column);
    if (unit) {
      if (unit[2]) kept.push(` ${unit[2]}/${unit[1]!.toUpperCase()} `);
      return;
    }
    kept.push(column);
  });
  return kept.join('|');
}
