/** Before a merge with chosen values: what choosing means (overrides that survive an unmerge), and the way out. */
export function MergeChoicesNotice(props: { chosen: string[]; isKeeping: boolean; onChange: (isKeeping: boolean) => void }) {
  if (props.chosen.length === 0) return null;
  return (
    <fieldset className="merge-choices" data-testid="merge-choices">
      <legend>Chosen values ({props.chosen.join(', ')})</legend>
      <p>
        On merge, the values you chose become steward overrides on the surviving record: they stay as they are — even after an unmerge, or
        when a source sends a new value — until someone clears them.
      </p>
      <label>
        <input type="radio" name="merge-choices" checked={props.isKeeping} onChange={() => props.onChange(true)} /> Keep my choices as
        overrides
      </label>
      <label>
        <input type="radio" name="merge-choices" checked={!props.isKeeping} onChange={() => props.onChange(false)} /> Let survivorship
        decide (no overrides)
      </label>
    </fieldset>
  );
}
