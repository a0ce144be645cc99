/**
 * Puts an API error next to the control that caused it: the envelope's `details[].path`
 * (`body.value`, `query.limit`, `params.domain`) is matched to a form field and shown in plain words
 * (`plainDetailMessage`: no `body.value:` prefix). Details no field claims stay in the page's ErrorNotice.
 */
import { ApiError, fieldPathOf, plainDetailMessage } from '../api/client';
import type { ApiErrorDetail } from '../api/client';

function detailsOf(error: unknown): ApiErrorDetail[] {
  return error instanceof ApiError && Array.isArray(error.details) ? error.details : [];
}

function isAbout(detail: ApiErrorDetail, field: string): boolean {
  const path = fieldPathOf(detail.path);
  return path === field || path.startsWith(`${field}.`);
}

/** The message for `field` (or a path inside it), or null when the error says nothing about it. */
export function fieldError(error: unknown, field: string): string | null {
  const detail = detailsOf(error).find((entry) => isAbout(entry, field));
  return detail === undefined ? null : plainDetailMessage(detail);
}

/** Whether the error has details and each belongs to one of `fields` (the messages by the fields say it all). */
export function isPlacedByFields(error: unknown, fields: readonly string[]): boolean {
  const details = detailsOf(error);
  return details.length > 0 && details.every((entry) => fields.some((field) => isAbout(entry, field)));
}
