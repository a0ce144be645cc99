/** A golden record's attributes: each value (structured values as fields), where it came from (source or override), and Override / Clear for writers. */
import type { GoldenRecordView } from '../../../../server/contracts/golden';
import { StructuredValue } from '../../ui/StructuredValue';

export function AttributesTable(props: {
  record: GoldenRecordView;
  canWrite: boolean;
  onOverride: (attribute: string) => void;
  onClear: (attribute: string) => void;
}) {
  const { record, canWrite } = props;
  const attributes = [...new Set([...Object.keys(record.attributes), ...Object.keys(record.overrides)])].sort();
  return (
    <table className="data-table compact" aria-label="Attributes">
      <thead>
        <tr>
          <th>Attribute</th>
          <th>Value</th>
          <th>From</th>
          {canWrite && <th />}
        </tr>
      </thead>
      <tbody>
        {attributes.map((attribute) => {
          const override = record.overrides[attribute];
          const lineage = record.lineage?.[attribute];
          return (
            <tr key={attribute}>
              <th scope="row">{attribute}</th>
              <td className="mono">
                <StructuredValue value={record.attributes[attribute]} />
              </td>
              <td className="lineage">
                {override !== undefined ? (
                  <span title={override.reason}>
                    <span className="badge badge-warning">override</span> by {override.by.name}: {override.reason}
                  </span>
                ) : lineage !== undefined ? (
                  <span>
                    <strong>{lineage.source}</strong> {lineage.sourceId} <span className="muted">({lineage.strategy})</span>
                  </span>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              {canWrite && (
                <td>
                  <button
                    type="button"
                    className="button-ghost"
                    aria-label={`Override ${attribute}`}
                    onClick={() => props.onOverride(attribute)}
                  >
                    Override
                  </button>
                  {override !== undefined && (
                    <button type="button" className="button-ghost" onClick={() => props.onClear(attribute)}>
                      Clear
                    </button>
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
