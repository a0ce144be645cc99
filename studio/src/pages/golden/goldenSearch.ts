/** How a golden record is named on screen. */
import type { GoldenRecordView } from '../../../../server/contracts/golden';

const NAME_KEYS = ['name', 'legalName', 'description', 'shortDescription', 'title', 'accountName'];

/** The name a person would recognise a record by (its id when it has none). */
export function displayName(record: GoldenRecordView): string {
  for (const key of NAME_KEYS) {
    const value = record.attributes[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return record.id;
}
