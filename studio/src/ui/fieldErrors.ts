/**
 * Puts an error next to the control that caused it: the envelope's `details[].path` (`body.value`,
 * `body.rules.thresholds`, `query.limit`) — or a page's own live problems (`comparators[2].weight`) —
 * is matched to a form field and shown in plain words (`plainDetailMessage`: no `body.value:` prefix).
 * Details no field claims stay in the page's ErrorNotice. Every form that posts uses this one helper.
 */
import { ApiError, fieldPathOf, plainDetailMessage } from '../api/client';
import type { ApiErrorDetail } from '../api/client';

/** What a form's errors come from: an ApiError (server refusal), a list of problems (live checks), or nothing. */
export type FieldErrorSource = unknown;

/** A form field: its path (the field or anything inside it), plus parent paths whose problems it also shows. */
export type FieldKey = string | { path: string; orExactly: readonly string[] };

function detailsOf(source: FieldErrorSource): ApiErrorDetail[] {
  if (source instanceof ApiError) return Array.isArray(source.details) ? source.details : [];
  if (Array.isArray(source))
    return source.filter((entry): entry is ApiErrorDetail => typeof (entry as ApiErrorDetail)?.message === 'string');
  return [];
}

function isInside(path: string, field: string): boolean {
  return path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
}

function isAbout(detail: ApiErrorDetail, key: FieldKey): boolean {
  const path = fieldPathOf(detail.path);
  if (typeof key === 'string') return isInside(path, key);
  return isInside(path, key.path) || key.orExactly.includes(path);
}

/** The message for `field` (or a path inside it), or null when the source says nothing about it. */
export function fieldError(source: FieldErrorSource, field: FieldKey): string | null {
  const detail = detailsOf(source).find((entry) => isAbout(entry, field));
  return detail === undefined ? null : plainDetailMessage(detail);
}

/** Whether the error has details and each belongs to one of `fields` (the messages by the fields say it all). */
export function isPlacedByFields(source: FieldErrorSource, fields: readonly FieldKey[]): boolean {
  const details = detailsOf(source);
  return details.length > 0 && details.every((entry) => fields.some((field) => isAbout(entry, field)));
}

/** The accessibility attributes of a control whose message (if any) is the FieldError with `id`. */
export function invalidProps(
  source: FieldErrorSource,
  field: FieldKey,
  id: string,
): { 'aria-invalid': true | undefined; 'aria-describedby': string | undefined } {
  const isInvalid = fieldError(source, field) !== null;
  return { 'aria-invalid': isInvalid || undefined, 'aria-describedby': isInvalid ? id : undefined };
}

/** Problems from a page's own checks, with paths under `root` as the server would name them (`rules` + `thresholds`). */
export function underRoot<T extends { path?: string }>(problems: readonly T[], root: string): T[] {
  return problems.map((problem) => ({ ...problem, path: problem.path ? `${root}.${problem.path}` : root }));
}

/** Every detail of several sources in one list (a page's live problems and the server's last refusal). */
export function allDetails(...sources: FieldErrorSource[]): ApiErrorDetail[] {
  return sources.flatMap(detailsOf);
}
