/** The editor's title, the "Open" picker of stored mappings and the target domain. */
import type { MappingSummaryView } from '../../../../server/contracts/mappings';
import { hrefOf, navigate } from '../../app/route';

export interface MappingHeaderProps {
  source?: string;
  domain: string;
  isStored: boolean;
  canWrite: boolean;
  mappings: readonly MappingSummaryView[];
  domains: readonly string[];
  onDomain: (domain: string) => void;
}

/** Page header of the mapping editor and the workbench. */
export function MappingHeader(props: MappingHeaderProps) {
  const openKey = props.isStored ? `${props.source}/${props.domain}` : '';
  return (
    <header className="page-header page-header-row">
      <div>
        <h1>
          <a href="#/mappings" className="crumb">
            Mappings
          </a>{' '}
          / {props.isStored ? `${props.source} → ${props.domain}` : 'Scratch workbench'}
        </h1>
        <p className="muted">
          {props.isStored
            ? 'Edit the draft against samples; tests and publishing go through the server.'
            : 'Paste source records, write the JSONata mapping and see the canonical output as you type. Nothing here is stored.'}
          {!props.canWrite && ' Your role can try mappings here but not save them.'}
        </p>
      </div>
      <div className="header-controls">
        <label className="field field-inline">
          <span>Open</span>
          <select
            value={openKey}
            onChange={(event) => navigate(event.target.value === '' ? '#/mappings/workbench' : hrefOf(['mappings', 'edit', ...event.target.value.split('/')]))}
            aria-label="Open a stored mapping"
          >
            <option value="">Scratch workbench (not stored)</option>
            {props.isStored && !props.mappings.some((mapping) => `${mapping.source}/${mapping.domain}` === openKey) && <option value={openKey}>{props.source} → {props.domain} (new)</option>}
            {props.mappings.map((mapping) => (
              <option key={`${mapping.source}/${mapping.domain}`} value={`${mapping.source}/${mapping.domain}`}>
                {mapping.source} → {mapping.domain}
                {mapping.status === 'draft' ? ' (draft)' : ` (v${mapping.publishedVersion ?? '?'})`}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-inline">
          <span>Target domain</span>
          <select value={props.domain} disabled={props.isStored} onChange={(event) => props.onDomain(event.target.value)}>
            {(props.domains.length > 0 ? props.domains : [props.domain]).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
}
