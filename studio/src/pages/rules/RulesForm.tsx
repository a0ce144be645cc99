/**
 * The rules form beside the JSON editor: thresholds, comparator weights and m/u levels, alias
 * tables per comparator and blocking keys. It reads the editor's text and writes every edit back
 * as text (rulesFormModel.ts), so the two never disagree; JSON that does not parse disables it.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { ApiClient } from '../../api/client';
import { useLoad } from '../../app/useLoad';
import { FieldError } from '../../ui/FieldError';
import { invalidProps, type FieldErrorSource, type FieldKey } from '../../ui/fieldErrors';
import { BLOCKING_KEY_TYPES, editRulesText, fieldsOfText, readRulesForm, type FormComparator, type RulesFormEdit } from './rulesFormModel';

/**
 * The rule set's field paths as the server names them (`body.rules.comparators[2].weight` → `rules.…`).
 * Entries are addressed by their index in the form, which is their index in the JSON: the schema
 * requires every comparator, level and blocking key to be an object, and the form lists exactly those.
 */
const RULES_FIELD = {
  autoMerge: 'rules.thresholds.autoMerge',
  // The server's threshold-order check names `thresholds` itself: its message is about the review threshold.
  review: { path: 'rules.thresholds.review', orExactly: ['rules.thresholds'] },
  weight: (comparator: number) => `rules.comparators[${comparator}].weight`,
  level: (comparator: number, level: number, field: 'm' | 'u') => `rules.comparators[${comparator}].levels[${level}].${field}`,
  maxBlockSize: (key: number) => `rules.blocking[${key}].maxBlockSize`,
} as const;

/** Every control of the form whose problems it shows next to the control (for the page's notice to leave them out). */
export function rulesFormFieldKeys(text: string): FieldKey[] {
  const form = readRulesForm(text).form;
  if (form === null) return [];
  return [
    RULES_FIELD.autoMerge,
    RULES_FIELD.review,
    ...form.comparators.flatMap((comparator, index) => [
      RULES_FIELD.weight(index),
      ...comparator.levels.flatMap((_, level) => [RULES_FIELD.level(index, level, 'm'), RULES_FIELD.level(index, level, 'u')]),
    ]),
    ...form.blocking.map((_, index) => RULES_FIELD.maxBlockSize(index)),
  ];
}

/** A number input that keeps what is typed ("0.", "") and reports only finite numbers; its problem is shown under it. */
function NumberInput(props: {
  value: number;
  label: string;
  min?: number;
  max?: number;
  step?: number | 'any';
  problems?: FieldErrorSource;
  field?: FieldKey;
  onCommit: (value: number) => void;
}) {
  const errorId = useId();
  const [draft, setDraft] = useState(String(props.value));
  useEffect(() => {
    // Follow the JSON unless the typed text already means this value.
    setDraft((typed) => (typed.trim() !== '' && Number(typed) === props.value ? typed : String(props.value)));
  }, [props.value]);
  const input = (
    <input
      type="number"
      aria-label={props.label}
      value={draft}
      min={props.min}
      max={props.max}
      step={props.step ?? 'any'}
      {...(props.field === undefined ? {} : invalidProps(props.problems, props.field, errorId))}
      onChange={(event) => {
        setDraft(event.target.value);
        const value = Number(event.target.value);
        if (event.target.value.trim() !== '' && Number.isFinite(value)) props.onCommit(value);
      }}
    />
  );
  if (props.field === undefined) return input;
  return (
    <span className="field">
      {input}
      <FieldError id={errorId} error={props.problems} field={props.field} />
    </span>
  );
}

function ComparatorRow(props: {
  comparator: FormComparator;
  index: number;
  aliasTables: string[];
  problems: FieldErrorSource;
  apply: (edit: RulesFormEdit) => void;
}) {
  const { comparator, index, problems, apply } = props;
  const choices = [...new Set([...props.aliasTables, ...comparator.aliasTables])];
  // A comparator with a problem opens, so its message is seen next to the field.
  const hasProblem = rulesFieldHasProblem(problems, `rules.comparators[${index}]`);
  return (
    <details className="rules-form-comparator" open={hasProblem || undefined}>
      <summary>
        <span className="mono">{comparator.name}</span> <span className="muted">{comparator.type}</span> · weight {comparator.weight}
        {comparator.aliasTables.length > 0 ? ` · ${comparator.aliasTables.join(', ')}` : ''}
      </summary>
      <label>
        Weight{' '}
        <NumberInput
          label={`${comparator.name} weight`}
          value={comparator.weight}
          min={0}
          problems={problems}
          field={RULES_FIELD.weight(index)}
          onCommit={(value) => apply({ kind: 'weight', comparator: comparator.name, value })}
        />
      </label>
      {comparator.levels.length > 0 && (
        <table className="data-table compact" aria-label={`${comparator.name} levels`}>
          <thead>
            <tr>
              <th>Level</th>
              <th>m</th>
              <th>u</th>
            </tr>
          </thead>
          <tbody>
            {comparator.levels.map((level, levelIndex) => (
              <tr key={level.name}>
                <td>{level.name}</td>
                {(['m', 'u'] as const).map((field) => (
                  <td key={field}>
                    <NumberInput
                      label={`${comparator.name} ${level.name} ${field}`}
                      value={level[field]}
                      min={0}
                      max={1}
                      problems={problems}
                      field={RULES_FIELD.level(index, levelIndex, field)}
                      onCommit={(value) => apply({ kind: 'level', comparator: comparator.name, level: level.name, field, value })}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {choices.length > 0 && (
        <fieldset className="rules-form-aliases">
          <legend>Alias tables (applied in order; a table switched on goes last)</legend>
          {choices.map((table) => (
            <label key={table}>
              <input
                type="checkbox"
                checked={comparator.aliasTables.includes(table)}
                onChange={(event) => apply({ kind: 'aliasTable', comparator: comparator.name, table, isOn: event.target.checked })}
              />{' '}
              {table}
            </label>
          ))}
        </fieldset>
      )}
    </details>
  );
}

function AddBlockingKey(props: { apply: (edit: RulesFormEdit) => void }) {
  const [name, setName] = useState('');
  const [type, setType] = useState<string>(BLOCKING_KEY_TYPES[0]);
  const [fields, setFields] = useState('');
  const [maxBlockSize, setMaxBlockSize] = useState(50);
  const isComplete = name.trim() !== '' && fieldsOfText(fields).length > 0;
  return (
    <div className="rules-form-add-key">
      <input aria-label="New blocking key name" placeholder="name" value={name} onChange={(event) => setName(event.target.value)} />
      <select aria-label="New blocking key type" value={type} onChange={(event) => setType(event.target.value)}>
        {BLOCKING_KEY_TYPES.map((option) => (
          <option key={option}>{option}</option>
        ))}
      </select>
      <input
        aria-label="New blocking key fields"
        placeholder="fields, comma-separated"
        value={fields}
        onChange={(event) => setFields(event.target.value)}
      />
      <NumberInput label="New blocking key max block size" value={maxBlockSize} min={2} step={1} onCommit={setMaxBlockSize} />
      <button
        type="button"
        className="button-secondary"
        disabled={!isComplete}
        onClick={() => {
          props.apply({ kind: 'addBlockingKey', key: { name: name.trim(), type, fields: fieldsOfText(fields), maxBlockSize } });
          setName('');
          setFields('');
        }}
      >
        Add key
      </button>
    </div>
  );
}

function rulesFieldHasProblem(problems: FieldErrorSource, prefix: string): boolean {
  return invalidProps(problems, prefix, '')['aria-invalid'] === true;
}

/**
 * The form over `text` (the rule-set JSON); every edit calls `onChange` with the rewritten text.
 * `problems` (the live schema problems and the server's refusal, paths under `rules`) are shown by their fields.
 */
export function RulesForm(props: {
  client: ApiClient;
  text: string;
  isReadOnly: boolean;
  problems?: FieldErrorSource;
  onChange: (text: string) => void;
}) {
  const { client, text, onChange } = props;
  const problems = props.problems ?? [];
  const reading = useMemo(() => readRulesForm(text), [text]);
  const tables = useLoad(() => client.call('listAliasTables'), [client]);
  const aliasTables = useMemo(() => (tables.data?.items ?? []).map((item) => item.table), [tables.data]);
  const apply = (edit: RulesFormEdit): void => onChange(editRulesText(text, edit));
  const form = reading.form;
  return (
    <div className="card rules-form" aria-label="Rules form">
      <h2>Rules form</h2>
      {form === null ? (
        <p className="error-text" role="status" data-testid="rules-form-disabled">
          {reading.problem}
        </p>
      ) : (
        <fieldset disabled={props.isReadOnly} className="rules-form-fields">
          <fieldset>
            <legend>
              Thresholds ({form.thresholdScale === 'probability' ? 'match probabilities, Fellegi–Sunter' : 'weighted-mean scores'}, 0–1)
            </legend>
            <label>
              Auto-merge at{' '}
              <NumberInput
                label="Auto-merge threshold"
                value={form.thresholds.autoMerge}
                min={0}
                max={1}
                problems={problems}
                field={RULES_FIELD.autoMerge}
                onCommit={(value) => apply({ kind: 'threshold', key: 'autoMerge', value })}
              />
            </label>{' '}
            <label>
              Review at{' '}
              <NumberInput
                label="Review threshold"
                value={form.thresholds.review}
                min={0}
                max={1}
                problems={problems}
                field={RULES_FIELD.review}
                onCommit={(value) => apply({ kind: 'threshold', key: 'review', value })}
              />
            </label>
          </fieldset>
          <fieldset>
            <legend>Comparators</legend>
            {form.comparators.map((comparator, index) => (
              <ComparatorRow
                key={comparator.name}
                comparator={comparator}
                index={index}
                aliasTables={aliasTables}
                problems={problems}
                apply={apply}
              />
            ))}
          </fieldset>
          <fieldset>
            <legend>Blocking keys</legend>
            <div className="table-scroll">
              <table className="data-table compact rules-form-keys" aria-label="Blocking keys">
                <thead>
                  <tr>
                    <th>Key</th>
                    <th>Fields</th>
                    <th>Max block size</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {form.blocking.map((key, index) => (
                    <tr key={key.name}>
                      <td>
                        <span className="mono">{key.name}</span> <span className="muted">{key.type}</span>
                      </td>
                      <td className="mono">{key.fields.join(', ')}</td>
                      <td>
                        <NumberInput
                          label={`${key.name} max block size`}
                          value={key.maxBlockSize}
                          min={2}
                          step={1}
                          problems={problems}
                          field={RULES_FIELD.maxBlockSize(index)}
                          onCommit={(value) => apply({ kind: 'maxBlockSize', key: key.name, value })}
                        />
                      </td>
                      <td>
                        <button
                          type="button"
                          className="button-secondary"
                          aria-label={`Remove blocking key ${key.name}`}
                          onClick={() => apply({ kind: 'removeBlockingKey', key: key.name })}
                        >
                          Remove
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <AddBlockingKey apply={apply} />
          </fieldset>
        </fieldset>
      )}
    </div>
  );
}
