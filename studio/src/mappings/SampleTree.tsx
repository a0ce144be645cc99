/**
 * The parsed sample as a tree: every key with the JSONata path that reaches it (what the editor's
 * completion offers), so an analyst sees how an HL7 message, SOAP envelope or X12 loop arrives.
 */
import type { ReactNode } from 'react';

export interface SampleTreeProps {
  record: unknown;
  /** Called with a node's path (e.g. to insert it into the expression). */
  onPick?: (path: string) => void;
}

const SIMPLE_NAME = /^[A-Za-z_$][\w$]*$/;

/** A JSONata path step for a key (backticks when the key is not a plain name: `@type`, `#text`). */
export function pathStep(key: string): string {
  return SIMPLE_NAME.test(key) ? key : `\`${key.replace(/`/g, '')}\``;
}

function preview(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.length}]`;
  if (typeof value === 'object') return '{…}';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…"` : text;
}

function Node(props: { name: string; path: string; value: unknown; depth: number; onPick?: (path: string) => void }): ReactNode {
  const { name, path, value, depth } = props;
  const content = (
    <>
      <code>{name}</code> <span className="muted">{preview(value)}</span>
    </>
  );
  const label = props.onPick ? (
    <button type="button" className="tree-label link-button" title={path} onClick={() => props.onPick?.(path)}>
      {content}
    </button>
  ) : (
    <span className="tree-label" title={path}>
      {content}
    </span>
  );
  if (value === null || typeof value !== 'object') return <li>{label}</li>;
  // Arrays show their first element's fields under the array's own path: JSONata maps a path over every element.
  const inner: unknown = Array.isArray(value) ? (value as unknown[])[0] : value;
  const children = inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? Object.entries(inner as Record<string, unknown>) : [];
  return (
    <li>
      <details open={depth < 1}>
        <summary>{label}</summary>
        <ul>
          {children.map(([key, child]) => (
            <Node key={key} name={key} path={`${path}.${pathStep(key)}`} value={child} depth={depth + 1} onPick={props.onPick} />
          ))}
        </ul>
      </details>
    </li>
  );
}

/** The first parsed record as a collapsible tree of paths. */
export function SampleTree(props: SampleTreeProps) {
  const record = props.record;
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return null;
  return (
    <ul className="sample-tree" aria-label="Parsed sample">
      {Object.entries(record as Record<string, unknown>).map(([key, value]) => (
        <Node key={key} name={key} path={pathStep(key)} value={value} depth={0} onPick={props.onPick} />
      ))}
    </ul>
  );
}
