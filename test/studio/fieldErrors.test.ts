/** The one helper that puts an error next to its control: which field a detail belongs to, and its words. */
import { describe, expect, test } from 'vitest';
import { ApiError } from '../../studio/src/api/client';
import { allDetails, fieldError, invalidProps, isPlacedByFields, underRoot, type FieldKey } from '../../studio/src/ui/fieldErrors';

function refusal(details: Array<{ path?: string; message: string }>): ApiError {
  return new ApiError({
    status: 400,
    code: 'VALIDATION_FAILED',
    message: 'The request body is invalid.',
    details: details.map((d) => ({ code: 'X', ...d })),
  });
}

describe('fieldError', () => {
  test.each<{ name: string; source: unknown; field: FieldKey; expected: string | null }>([
    {
      name: 'the field itself, without "body.value:"',
      source: refusal([{ path: 'body.value', message: 'body.value: must be a string' }]),
      field: 'value',
      expected: 'value: must be a string',
    },
    {
      name: 'a path inside the field (dot)',
      source: refusal([{ path: 'body.transport.url', message: 'must match pattern "^https?://"' }]),
      field: 'transport',
      expected: 'url: must match pattern "^https?://"',
    },
    {
      name: 'a path inside the field (index)',
      source: refusal([{ path: 'body.table.entries[3].variants[0]', message: 'entries[3].variants[0] is listed twice' }]),
      field: 'table.entries[3]',
      expected: 'entries[3].variants[0] is listed twice',
    },
    {
      name: 'a sibling with the same prefix is not inside',
      source: refusal([{ path: 'body.rules.comparators[20].weight', message: 'bad' }]),
      field: 'rules.comparators[2]',
      expected: null,
    },
    {
      name: 'a parent path only when listed exactly',
      source: refusal([{ path: 'body.rules.thresholds', message: 'thresholds.review must not exceed thresholds.autoMerge' }]),
      field: { path: 'rules.thresholds.review', orExactly: ['rules.thresholds'] },
      expected: 'thresholds.review must not exceed thresholds.autoMerge',
    },
    {
      name: 'the parent is not claimed by a plain child field',
      source: refusal([{ path: 'body.rules.thresholds', message: 'x' }]),
      field: 'rules.thresholds.autoMerge',
      expected: null,
    },
    {
      name: 'a list of live problems',
      source: underRoot([{ path: 'comparators[0].weight', message: 'comparators[0].weight should be at least 0' }], 'rules'),
      field: 'rules.comparators[0].weight',
      expected: 'comparators[0].weight should be at least 0',
    },
    { name: 'nothing for an error without details', source: new Error('network'), field: 'value', expected: null },
    { name: 'nothing for no error', source: null, field: 'value', expected: null },
  ])('$name', ({ source, field, expected }) => {
    expect(fieldError(source, field)).toBe(expected);
  });
});

test('invalidProps names the message element only when the field has a message', () => {
  const error = refusal([{ path: 'body.reason', message: 'must NOT have more than 2000 characters' }]);
  expect(invalidProps(error, 'reason', 'reason-error')).toEqual({ 'aria-invalid': true, 'aria-describedby': 'reason-error' });
  expect(invalidProps(error, 'value', 'value-error')).toEqual({ 'aria-invalid': undefined, 'aria-describedby': undefined });
});

test('isPlacedByFields: every detail claimed by a field (so the page notice can leave it out)', () => {
  const both = refusal([
    { path: 'body.value', message: 'a' },
    { path: 'body.reason', message: 'b' },
  ]);
  expect(isPlacedByFields(both, ['value', 'reason'])).toBe(true);
  expect(isPlacedByFields(both, ['value'])).toBe(false);
  expect(isPlacedByFields(new Error('no details'), ['value'])).toBe(false);
});

test('allDetails joins live problems and a refusal; underRoot prefixes paths (a pathless problem gets the root)', () => {
  const live = underRoot([{ path: 'thresholds.review', message: 'a' }, { message: 'b' }], 'rules');
  expect(live.map((problem) => problem.path)).toEqual(['rules.thresholds.review', 'rules']);
  expect(allDetails(live, refusal([{ path: 'body.rules.version', message: 'c' }]), null).map((detail) => detail.message)).toEqual([
    'a',
    'b',
    'c',
  ]);
});
