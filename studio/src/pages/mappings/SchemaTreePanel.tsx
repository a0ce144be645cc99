/** The target schema as a tree: which fields the expression fills (in how many outputs) and which required ones are missing. */
import type { SchemaFieldNode } from './schemaTree';

function FieldRow(props: { node: SchemaFieldNode; parentFilled: number }) {
  const { node } = props;
  const isMissing = node.isRequired && node.filled < props.parentFilled;
  const state = node.filled === 0 ? 'not filled' : node.filled === props.parentFilled ? 'filled' : `filled in ${node.filled} of ${props.parentFilled}`;
  return (
    <li className={isMissing ? 'schema-field missing' : node.filled > 0 ? 'schema-field filled' : 'schema-field'} data-path={node.path}>
      <span className="schema-field-name">
        {node.filled > 0 ? '●' : '○'} {node.name}
      </span>
      <span className="muted">{node.type}</span>
      {node.isRequired && <span className="badge badge-warning">required</span>}
      <span className={isMissing ? 'error-text' : 'muted'}>{isMissing ? `missing in ${props.parentFilled - node.filled}` : state}</span>
      {node.children.length > 0 && node.filled > 0 && (
        <ul>
          {node.children.map((child) => (
            <FieldRow key={child.name} node={child} parentFilled={node.filled} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The Target schema tab for `outputCount` mapped sample records. */
export function SchemaTreePanel(props: { nodes: readonly SchemaFieldNode[] | null; outputCount: number; missing: ReadonlyArray<{ path: string; missingIn: number }> }) {
  if (props.nodes === null) return <p className="muted">The canonical schema is not loaded.</p>;
  return (
    <section className="schema-tree" aria-label="Target schema">
      <header className="pane-header">
        <h2>
          Target schema · {props.outputCount} output{props.outputCount === 1 ? '' : 's'}
        </h2>
        <span className={props.missing.length > 0 ? 'error-text' : 'muted'} data-testid="required-missing">
          {props.missing.length === 0 ? 'Every required field is filled.' : `Required but missing: ${props.missing.map((entry) => entry.path).join(', ')}`}
        </span>
      </header>
      <ul className="schema-fields">
        {props.nodes.map((node) => (
          <FieldRow key={node.name} node={node} parentFilled={props.outputCount} />
        ))}
      </ul>
    </section>
  );
}
