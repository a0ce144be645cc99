/**
 * Par-level / bin sheets (items16, item-3.25.0): a hospital unit's stock sheet writes each item as
 * `unit | BIN D-1516 | PAR 12 | ROP 4 | KWIRE TROC 1.6X150 SS | EA` — where the item is kept, how many are kept (par
 * level), when to reorder (reorder point), the description and the unit of issue. Only the description and the unit of
 * issue describe the product: the bin (`D-1516`, `S-2III`, `O-4L`) was read as a catalogue number shared by every item
 * of one shelf and as sizes (`O-4L` as 4 L), and `PAR 12` / `ROP 4` are stock levels, not counts per pack. The text
 * rewrite `parLevelColumns` keeps the description and writes a unit of issue with a count (`BX50`, `PK10`) as the
 * count per pack (`50/BX`); a bare unit (`EA`, `PR`) is dropped.
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
const UNIT_OF_ISSUE_COLUMN = /^\s*(EA|EACH|PR|PAIR|BX|BOX|PK|PKG|PACK|CS|CASE|BG|BAG|KT|KIT|RL|ROLL|BT|BTL|TRAY)\s?(\d{1,5})?\s*$/i;
const HAS_PAR_COLUMN = /\|\s*PAR(?:\sLEVEL|\sQTY)?\s?:?\s?\d/i;

/** `text` with a par-level sheet's location, par and reorder columns out (the text itself when it is no such line). */
export function withoutParLevelColumns(text: string): string {
  if (!text.includes('|') || !HAS_PAR_COLUMN.test(text)) return text;
  const columns = text.split('|');
  const parAt = columns.findIndex((column) => PAR_COLUMN.test(column));
  const isStockColumn = (column: string) => PAR_COLUMN.test(column) || STOCK_LEVEL_COLUMN.test(column);
  // The description after the par column: every column before it is the unit and its bin.
  const isDescriptionAfter = columns.some((column, i) => i > parAt && !isStockColumn(column) && !UNIT_OF_ISSUE_COLUMN.test(column));
  const kept: string[] = [];
  columns.forEach((column, i) => {
    if (isStockColumn(column) || LOCATION_COLUMN.test(column)) return;
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
