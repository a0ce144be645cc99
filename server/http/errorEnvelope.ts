/** The one JSON error envelope every failing request returns. */
import type { ErrorDetail } from '../errors';

export interface ErrorEnvelope {
  error: {
    status: number;
    code: string;
    message: string;
    details?: ErrorDetail[] | Record<string, unknown>;
    requestId?: string;
  };
}

/** JSON Schema of the envelope, referenced from every OpenAPI error response. */
export const errorEnvelopeSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['status', 'code', 'message'],
      properties: {
        status: { type: 'integer' },
        code: { type: 'string', description: 'Stable machine-readable code, e.g. VALIDATION_FAILED.' },
        message: { type: 'string', description: 'Plain-language explanation naming the field where relevant.' },
        details: { description: 'A list of { path, code, message } for validation errors, or an object with context.' },
        requestId: { type: 'string' },
      },
    },
  },
} as const;
