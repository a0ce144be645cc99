/** The correlation id callers may send (`x-correlation-id`) and filter on: short, URL- and header-safe. */
export const CORRELATION_ID_PATTERN_SOURCE = '^[A-Za-z0-9._:-]{1,128}$';

/** A `?correlationId=` query property with what it selects in this resource. */
export function correlationIdQueryProperty<D extends string>(description: D) {
  return { type: 'string', pattern: CORRELATION_ID_PATTERN_SOURCE, description } as const;
}
