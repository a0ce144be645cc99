/**
 * An attribute value as a steward reads it: text for scalars, a comma list for a list of scalars,
 * labelled fields for an object (an address, a manufacturer, packaging) and one numbered block per
 * entry for a list of objects — never raw JSON.
 */
import { formatValue } from './format';

/** `addressLine1` → "address line 1", `unit_of_measure` → "unit of measure". */
export function fieldLabel(key: string): string {
  return key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/([0-9])([a-zA-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Renders `value` as text, a list, or labelled fields (nested as deep as the value goes). */
export function StructuredValue(props: { value: unknown }) {
  const { value } = props;
  if (Array.isArray(value)) {
    const list: unknown[] = value;
    if (list.length === 0) return <span className="muted">none</span>;
    if (!list.some((entry) => isPlainObject(entry) || Array.isArray(entry))) return <>{list.map(formatValue).join(', ')}</>;
    return (
      <ol className="value-list">
        {list.map((entry, index) => (
          <li key={index}>
            <StructuredValue value={entry} />
          </li>
        ))}
      </ol>
    );
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value).filter(([, entry]) => entry !== undefined);
    if (entries.length === 0) return <span className="muted">empty</span>;
    return (
      <dl className="value-fields">
        {entries.map(([key, entry]) => (
          <div key={key} className="value-field">
            <dt>{fieldLabel(key)}</dt>
            <dd>
              <StructuredValue value={entry} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  return <>{formatValue(value)}</>;
}
