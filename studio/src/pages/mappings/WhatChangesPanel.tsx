/** "What changes": the draft and the published version run on recent real payloads; records whose output differs. */
import { useState } from 'react';
import type { DiffPreviewResponse } from '../../../../server/contracts/mappingEvaluation';
import { MonacoDiffEditor } from '../../editor/MonacoDiffEditor';

/** The What-changes tab: shows the last preview and lets the analyst open one record's diff. */
export function WhatChangesPanel(props: { preview: DiffPreviewResponse | null; isRunning: boolean; onRun: () => void }) {
  const [selected, setSelected] = useState(0);
  const preview = props.preview;
  const item = preview?.items[selected];
  return (
    <div className="changes-panel">
      <div className="toolbar">
        <button type="button" className="button-secondary" onClick={props.onRun} disabled={props.isRunning}>
          {props.isRunning ? 'Comparing…' : 'Compare draft with published'}
        </button>
        {preview !== null && (
          <span role="status">
            {preview.examined} recent records re-mapped: <strong>{preview.changed} would change</strong>, {preview.unchanged} unchanged
            {preview.publishedVersion === null ? ' (nothing published yet)' : ` (v${preview.publishedVersion} → draft r${preview.draftRevision})`}.
          </span>
        )}
        {preview?.isRestricted === true && (
          <span className="muted" role="note">
            Your role does not see stored payloads: outputs show canonical fields with valid values only, sensitive values masked, error messages withheld (see withheldFields).
          </span>
        )}
      </div>
      {preview !== null && preview.items.length > 0 && (
        <div className="tests-body">
          <ul className="test-list" aria-label="Records whose output would change">
            {preview.items.map((entry, index) => (
              <li key={entry.sourceRecordId} className={index === selected ? 'selected' : undefined}>
                <button type="button" className="test-row change-row" onClick={() => setSelected(index)}>
                  <span className="test-name">{entry.sourceId}</span>
                  <span className="muted">{entry.changedFields.join(', ')}</span>
                </button>
              </li>
            ))}
          </ul>
          <div className="test-detail">
            <div className="diff-labels">
              <span>Published</span>
              <span>Draft</span>
            </div>
            {item !== undefined && (
              <MonacoDiffEditor original={JSON.stringify(item.published, null, 2)} modified={JSON.stringify(item.draft, null, 2)} language="json" ariaLabel="Published vs draft output" />
            )}
          </div>
        </div>
      )}
    </div>
  );
}
