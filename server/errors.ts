/**
 * One error taxonomy for the whole service. Every error that reaches a client is an AppError
 * with an HTTP status, a stable machine code and a plain-language message; anything else
 * becomes a generic 500 in the error middleware (server/http/errorHandler.ts).
 */

export interface ErrorDetail {
  /** Field path in the request or record, e.g. `body.gtin` or `/addresses/0/postalCode`. */
  path?: string;
  code: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[] | Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: ErrorDetail[]) {
    super(400, 'VALIDATION_FAILED', message, details);
  }
}

export class BadRequestError extends AppError {
  constructor(code: string, message: string, details?: ErrorDetail[] | Record<string, unknown>) {
    super(400, code, message, details);
  }
}

/** A `cursor` query parameter that no page of this API returned (garbage, edited, or from another list). */
export function invalidCursorError(path = 'query.cursor'): BadRequestError {
  return new BadRequestError(
    'INVALID_CURSOR',
    `${path} is not a cursor this API returned: pass nextCursor from the previous page unchanged.`,
    [{ path, code: 'INVALID_CURSOR', message: 'Pass nextCursor from the previous page unchanged.' }],
  );
}

export class UnauthorizedError extends AppError {
  constructor(message = 'A valid API key is required: send "Authorization: Bearer <key>".') {
    super(401, 'UNAUTHORIZED', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Your API key does not allow this action.') {
    super(403, 'FORBIDDEN', message);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, details?: Record<string, unknown>) {
    super(404, 'NOT_FOUND', `${what} was not found.`, details);
  }
}

/** Optimistic-concurrency and state conflicts; `details.current` carries the current state. */
export class ConflictError extends AppError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(409, code, message, details);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(limitBytes: number) {
    super(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than the limit of ${limitBytes} bytes.`);
  }
}

export class UnsupportedMediaTypeError extends AppError {
  constructor(contentType: string, allowed: string[]) {
    super(415, 'UNSUPPORTED_MEDIA_TYPE', `Content-Type "${contentType}" is not accepted here; use one of: ${allowed.join(', ')}.`);
  }
}

export class UnprocessableError extends AppError {
  constructor(code: string, message: string, details?: ErrorDetail[] | Record<string, unknown>) {
    super(422, code, message, details);
  }
}
