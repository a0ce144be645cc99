/**
 * The one error middleware. AppErrors become the JSON envelope with their status and code; anything
 * else is logged with its stack and answered with a generic 500 that reveals no internals.
 */
import type { Context, Next } from 'koa';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import { withoutStoredDocuments } from './errorDetails';
import type { ErrorEnvelope } from './errorEnvelope';

/** Koa middleware translating thrown errors into the error envelope. */
export function errorHandler(logger: Logger) {
  return async (ctx: Context, next: Next): Promise<void> => {
    try {
      await next();
    } catch (error) {
      const requestId = String(ctx.state.requestId ?? '');
      let envelope: ErrorEnvelope;
      if (error instanceof AppError) {
        const shown = withoutStoredDocuments(error);
        envelope = {
          error: {
            status: shown.status,
            code: shown.code,
            message: shown.message,
            ...(shown.details ? { details: shown.details } : {}),
            requestId,
          },
        };
        const retryAfter = (shown as { retryAfterSeconds?: unknown }).retryAfterSeconds;
        if (typeof retryAfter === 'number') ctx.set('Retry-After', String(retryAfter));
      } else {
        logger.error('unhandled error', {
          requestId,
          error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
        });
        envelope = {
          error: {
            status: 500,
            code: 'INTERNAL_ERROR',
            message: 'An unexpected error occurred. It has been logged; quote the request id when reporting it.',
            requestId,
          },
        };
      }
      ctx.status = envelope.error.status;
      ctx.type = 'application/json';
      ctx.body = envelope;
    }
  };
}
