import { correlationField } from '../../correlation';
import { AppError, PayloadTooLargeError } from '../../errors';
import { ingestParamsSchema, ingestResponseSchema, uploadJobResponseSchema } from '../../contracts/ingest';
import { mediaTypeOf, readBody } from '../../http/body';
import { defineRoute } from '../../http/route';
import { requestHashOf, withIdempotencyKey } from '../../ingest/idempotency';
import { ingestInline } from '../../ingest/ingestInline';
import { prepareIngest } from '../../ingest/ingestRecords';
import { presentIngestResponse } from '../../ingest/presenter';
import { assertUniqueCsvHeader } from '../../ingest/recordReader';
import { ACCEPTED_MEDIA_TYPES, assertStreamable, resolveFormat, STREAMABLE_MEDIA_TYPES } from '../../ingest/sourceFormat';
import { getPublishedMapping } from '../../mappings';
import { estimatedRecords, unitCounterOf, INGEST_UPLOAD_JOB, type IngestUploadParams } from '../../ingest/uploadJob';
import { MAX_UPLOAD_BYTES, storeUpload } from '../../ingest/uploads';
import type { Principal } from '../../policies/abilities';

const TAGS = ['ingest'];

function actorOf(principal: Principal) {
  return { keyId: principal.keyId, name: principal.name, role: principal.role };
}

export const ingestRoutes = [
  defineRoute({
    operationId: 'ingestRecords',
    method: 'post',
    path: '/ingest/:source/:domain',
    summary: 'Ingest source records (JSON, NDJSON, delimited text, HL7 v2 ER7, XML/SOAP, X12 832, FHIR Bundle)',
    description:
      'Every record runs map → validate → standardise → persist (lineage) → match. The response lists each record: `accepted` (golden id, match outcome), `unchanged` (the same content again) or `exception` (stage, code, field path, message; stored in the exception queue). received = accepted + unchanged + exceptions. Send `Idempotency-Key` to make a retried batch safe: the stored response is replayed (header `Idempotent-Replayed: true`); the same key with another body is 422 IDEMPOTENCY_KEY_REUSED. Bodies above the inline limit are 413: upload them with POST /ingest/{source}/{domain}/jobs.',
    tags: TAGS,
    auth: { action: 'ingest.write', sourceParam: 'source' },
    params: ingestParamsSchema,
    rawBody: { contentTypes: ACCEPTED_MEDIA_TYPES },
    responses: {
      200: { description: 'Per-record outcomes and totals.', schema: ingestResponseSchema },
      400: {
        description:
          'Body is not valid JSON, or not an object/array; INVALID_UTF8 / INVALID_ENCODING; DUPLICATE_CSV_HEADER; INVALID_FORMAT_OPTIONS (a Content-Type parameter).',
      },
      404: { description: 'Unknown domain.' },
      413: { description: 'Body above the inline limit: use an upload job.' },
      415: { description: 'Unsupported content type.' },
      422: { description: 'NO_PUBLISHED_MAPPING or IDEMPOTENCY_KEY_REUSED.' },
    },
    handler: async ({ services, params, principal, ctx, requestId }) => {
      const mediaType = mediaTypeOf(ctx);
      resolveFormat({ contentTypeHeader: ctx.get('content-type') });
      const limit = services.config.ingestBodyLimit;
      let body: Buffer;
      try {
        body = await readBody(ctx, limit);
      } catch (error) {
        if (!(error instanceof PayloadTooLargeError)) throw error;
        const uploadPath = `/api/v1/ingest/${params.source}/${params.domain}/jobs`;
        throw new AppError(
          413,
          'PAYLOAD_TOO_LARGE',
          `The body is larger than the inline ingest limit of ${limit} bytes; upload the file as a background job with POST ${uploadPath}.`,
          { limit, uploadPath },
        );
      }
      const work = async () => {
        const run = await ingestInline(services, {
          source: params.source,
          domain: params.domain,
          contentType: ctx.get('content-type'),
          body,
          actor: actorOf(principal),
          requestId,
        });
        return { status: 200, body: presentIngestResponse({ source: params.source, domain: params.domain, ...run }) };
      };
      const key = ctx.get('idempotency-key');
      if (!key) return work();
      const stored = await withIdempotencyKey(
        services,
        {
          key,
          scope: `${principal.keyId}|${params.source}|${params.domain}`,
          requestHash: requestHashOf({ mediaType: ctx.get('content-type').toLowerCase() || mediaType, body }),
        },
        work,
      );
      return { status: stored.status, body: stored.body, headers: { 'Idempotent-Replayed': String(stored.isReplayed) } };
    },
  }),
  defineRoute({
    operationId: 'createIngestUploadJob',
    method: 'post',
    path: '/ingest/:source/:domain/jobs',
    summary:
      'Upload a large file (NDJSON, delimited text, HL7 v2 batch, X12, XML with a record path, FHIR Bundle) and ingest it as a background job',
    description:
      'The file is streamed into the store in chunks, then a job ingests it in batches with checkpoints (it resumes after a restart without losing or repeating records). Follow `Location` (GET /api/v1/jobs/{id}) for progress: done, failed, rate, ETA; the finished job’s result holds the totals.',
    tags: TAGS,
    auth: { action: 'ingest.upload', sourceParam: 'source' },
    params: ingestParamsSchema,
    rawBody: { contentTypes: STREAMABLE_MEDIA_TYPES, limit: MAX_UPLOAD_BYTES },
    responses: {
      202: { description: 'The job was queued.', schema: uploadJobResponseSchema },
      400: {
        description:
          'INVALID_UTF8 / INVALID_ENCODING (the file is not in its encoding), DUPLICATE_CSV_HEADER (a column name appears twice), INVALID_FORMAT_OPTIONS or XML_RECORD_PATH_REQUIRED (an XML upload needs the repeating element); nothing is queued.',
      },
      404: { description: 'Unknown domain.' },
      413: { description: 'File above the upload limit.' },
      415: { description: 'Unsupported content type.' },
      422: { description: 'NO_PUBLISHED_MAPPING.' },
    },
    handler: async ({ services, params, principal, ctx }) => {
      const actor = actorOf(principal);
      // Refuse before storing hundreds of MB when there is nothing to run them through.
      await prepareIngest(services, { source: params.source, domain: params.domain, actor, origin: {} });
      const published = await getPublishedMapping(services, { source: params.source, domain: params.domain });
      const resolved = resolveFormat({
        contentTypeHeader: ctx.get('content-type'),
        mappingFormat: published?.format,
        allowed: STREAMABLE_MEDIA_TYPES,
      });
      assertStreamable(resolved);
      const { entry, options } = resolved;
      const format = entry.format;
      const upload = await storeUpload(services, {
        body: ctx.req as AsyncIterable<Buffer>,
        encoding: options.encoding,
        countUnits: unitCounterOf(format, options),
        ...(format === 'delimited' ? { checkHead: (text: string) => assertUniqueCsvHeader(text, options) } : {}),
      });
      const jobParams: IngestUploadParams = {
        source: params.source,
        domain: params.domain,
        format,
        options,
        upload,
        actor,
        ...correlationField(),
      };
      const total = estimatedRecords({ format, upload });
      const job = await services.jobs.enqueue({ type: INGEST_UPLOAD_JOB, params: jobParams, createdBy: principal.keyId, total });
      const location = `/api/v1/jobs/${job._id}`;
      return {
        status: 202,
        body: { jobId: job._id, location, estimatedRecords: total, bytes: upload.bytes },
        headers: { Location: location },
      };
    },
  }),
];
