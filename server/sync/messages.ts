/**
 * Turns change-feed entries into the messages of one subscription: which events it wants (types,
 * changed paths, its JSONata filter), and what each message says (thin / snapshot / delta, or the
 * output of its outbound mapping in the target's content type). The record is read from the history
 * at the change's version, never the current record, so a message always shows the state at event time.
 */
import { RESTRICTED } from '../policies/visibility';
import { historyEntryId, readHistoryEntries } from '../golden/goldenStore';
import { touchesPaths } from '../golden/changedPaths';
import { maskAttributes } from '../golden/presenter';
import { loadSurvivorshipConfig } from '../golden/survivorshipConfig';
import type { ChangeDocument, GoldenHistoryDocument } from '../golden/types';
import { getPublishedMapping, loadLookupTables } from '../mappings';
import type { AppServices } from '../services';
import { MEDIA_TYPES, MessageFormatError, writeMessage } from './contentTypes';
import type { DeliveryDocument, SubscriptionDocument, SubscriptionEvent } from './types';
import { present } from '../invariant';

type Services = Pick<AppServices, 'store' | 'mappingRuntime'>;

/** The event as filters and outbound mappings see it (and, trimmed to the payload mode, as webhooks receive it). */
export interface SyncEvent {
  type: string;
  timestamp: string;
  data: {
    cursor: string;
    domain: string;
    goldenId: string;
    version: number;
    previousVersion: number | null;
    cause: string | null;
    changedPaths: string[];
    mergedInto?: string;
    xrefsAdded: Array<{ source: string; sourceId: string }>;
    xrefsRemoved: Array<{ source: string; sourceId: string }>;
    record?: Record<string, unknown>;
    delta?: Record<string, { before: unknown; after: unknown }>;
  };
}

/** One message to store in the outbox, or a change that could not be turned into one. */
export interface PlannedMessage {
  change: ChangeDocument;
  index: number;
  /** Set for a backfill snapshot (which run). */
  backfillRun?: number;
  event: SubscriptionEvent | 'snapshot';
  contentType: string | null;
  body: string | null;
  failure: DeliveryDocument['failure'];
}

function xrefOf(sourceRecordId: string): { source: string; sourceId: string } {
  const [, source, ...rest] = sourceRecordId.split('|');
  return { source: present(source, 'the source in a source record id'), sourceId: rest.join('|') };
}

function valueAt(attributes: Record<string, unknown>, path: string): unknown {
  let current: unknown = attributes;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return null;
    current = (current as Record<string, unknown>)[key];
  }
  return current ?? null;
}

/** Builds the full event of a change (record and delta included) from the history. */
/**
 * Sensitive attributes (survivorship `maskedAttributes`, e.g. an SSN-like tax id) are masked in events
 * unless an admin set the subscription's `includeSensitive`: the same rule as the golden-record API.
 */
function maskedSnapshot(
  snapshot: GoldenHistoryDocument['snapshot'] | undefined,
  domain: string,
  includeSensitive: boolean,
): GoldenHistoryDocument['snapshot'] | undefined {
  if (!snapshot || includeSensitive) return snapshot;
  return {
    ...snapshot,
    attributes: maskAttributes(snapshot.attributes, { config: loadSurvivorshipConfig(domain), visibility: RESTRICTED }),
  };
}

function eventOf(
  change: ChangeDocument,
  current: GoldenHistoryDocument | undefined,
  previous: GoldenHistoryDocument | undefined,
  includeSensitive: boolean,
): SyncEvent {
  const before = maskedSnapshot(previous?.snapshot, change.domain, includeSensitive);
  const after = maskedSnapshot(current?.snapshot, change.domain, includeSensitive);
  const beforeIds = new Set(before?.sourceRecordIds ?? []);
  const afterIds = new Set(after?.sourceRecordIds ?? []);
  const paths = Array.isArray(change.changedPaths) ? change.changedPaths : ((change.changedAttributes as string[] | undefined) ?? []);
  const delta: Record<string, { before: unknown; after: unknown }> = {};
  for (const path of paths)
    delta[path] = { before: before ? valueAt(before.attributes, path) : null, after: after ? valueAt(after.attributes, path) : null };
  return {
    type: `golden.${change.type}`,
    timestamp: change.at,
    data: {
      cursor: change._id,
      domain: change.domain,
      goldenId: change.goldenId,
      version: change.version,
      previousVersion: typeof change.previousVersion === 'number' ? change.previousVersion : change.version > 1 ? change.version - 1 : null,
      cause: typeof change.cause === 'string' ? change.cause : null,
      changedPaths: paths,
      ...(typeof change.mergedInto === 'string' ? { mergedInto: change.mergedInto } : {}),
      xrefsAdded: [...afterIds]
        .filter((id) => !beforeIds.has(id))
        .sort()
        .map(xrefOf),
      xrefsRemoved: [...beforeIds]
        .filter((id) => !afterIds.has(id))
        .sort()
        .map(xrefOf),
      ...(after
        ? {
            record: {
              id: change.goldenId,
              domain: change.domain,
              version: change.version,
              status: after.status,
              ...(after.mergedInto ? { mergedInto: after.mergedInto } : {}),
              attributes: after.attributes,
              xrefs: [...after.sourceRecordIds].sort().map(xrefOf),
            },
          }
        : {}),
      delta,
    },
  };
}

/** The subscription's event type for a change, or null when it does not want it. */
function wantedEvent(subscription: SubscriptionDocument, event: SyncEvent, change: ChangeDocument): SubscriptionEvent | null {
  const wanted = new Set(subscription.events);
  if (
    wanted.has(change.type) &&
    !(
      change.type === 'updated' &&
      subscription.changedPaths.length > 0 &&
      !touchesPaths(event.data.changedPaths, subscription.changedPaths)
    )
  ) {
    return change.type;
  }
  if (wanted.has('xref-added') && event.data.xrefsAdded.length > 0) return 'xref-added';
  if (wanted.has('xref-removed') && event.data.xrefsRemoved.length > 0) return 'xref-removed';
  return null;
}

/** What a webhook without an outbound mapping receives, per payload mode. */
function standardBody(subscription: SubscriptionDocument, event: SyncEvent, type: PlannedMessage['event']): string {
  const { record, delta, ...rest } = event.data;
  const data: Record<string, unknown> = { ...rest };
  if ((subscription.payload === 'snapshot' || subscription.payload === 'snapshot+delta') && record) data.record = record;
  if (subscription.payload === 'delta' || subscription.payload === 'snapshot+delta') data.delta = delta;
  return JSON.stringify({ type: type.startsWith('xref') ? `golden.${type}` : event.type, timestamp: event.timestamp, data });
}

/**
 * Plans the messages of `changes` (already in feed order) for one subscription. With `backfillRun`
 * each change stands for a record's state at that change: a `golden.snapshot` event that every
 * subscription wants (events and changedPaths do not apply; the filter and the mapping do).
 */
export async function planMessages(
  services: Services,
  input: { subscription: SubscriptionDocument; changes: ChangeDocument[]; backfillRun?: number },
): Promise<PlannedMessage[]> {
  const { subscription, backfillRun } = input;
  const isSnapshot = backfillRun !== undefined;
  const changes = input.changes.filter((change) => subscription.domains.includes(change.domain));
  if (changes.length === 0) return [];
  const ids = changes.flatMap((c) => [
    historyEntryId(c.goldenId, c.version),
    ...(c.version > 1 ? [historyEntryId(c.goldenId, c.version - 1)] : []),
  ]);
  const histories = new Map((await readHistoryEntries({ store: services.store, ids: [...new Set(ids)] })).map((h) => [h._id, h]));
  let candidates = changes.flatMap((change): Array<{ change: ChangeDocument; event: SyncEvent; type: PlannedMessage['event'] }> => {
    const previousVersion = typeof change.previousVersion === 'number' ? change.previousVersion : change.version - 1;
    const event = eventOf(
      change,
      histories.get(historyEntryId(change.goldenId, change.version)),
      previousVersion > 0 ? histories.get(historyEntryId(change.goldenId, previousVersion)) : undefined,
      subscription.includeSensitive === true,
    );
    if (isSnapshot) {
      const snapshot: SyncEvent = {
        ...event,
        type: 'golden.snapshot',
        data: { ...event.data, changedPaths: [], xrefsAdded: [], xrefsRemoved: [], delta: {} },
      };
      return [{ change, event: snapshot, type: 'snapshot' }];
    }
    const type = wantedEvent(subscription, event, change);
    return type ? [{ change, event, type }] : [];
  });
  const planned: PlannedMessage[] = [];
  const fail = (change: ChangeDocument, type: PlannedMessage['event'], failure: NonNullable<DeliveryDocument['failure']>) =>
    planned.push({ change, index: 0, backfillRun, event: type, contentType: null, body: null, failure });

  if (subscription.filter && candidates.length > 0) {
    const outcomes = await services.mappingRuntime.evaluateBatch({
      cacheKey: `subscription-filter|${subscription._id}|v${subscription.version}`,
      expression: subscription.filter,
      records: candidates.map((c) => c.event),
    });
    candidates = candidates.filter((candidate, i) => {
      const outcome = present(outcomes[i], 'the filter outcome of each event');
      if (outcome.ok) return outcome.value === true;
      // A filter that fails must not silently drop the event: it is parked, visible and replayable.
      fail(candidate.change, candidate.type, {
        stage: 'filter',
        code: outcome.error.code,
        message: `The subscription's filter failed on this event: ${outcome.error.message}`,
      });
      return false;
    });
  }

  if (!subscription.outboundMapping) {
    for (const c of candidates)
      planned.push({
        change: c.change,
        index: 0,
        backfillRun,
        event: c.type,
        contentType: MEDIA_TYPES.json,
        body: standardBody(subscription, c.event, c.type),
        failure: null,
      });
  } else {
    const { target, contentType } = subscription.outboundMapping;
    for (const domain of [...new Set(candidates.map((c) => c.change.domain))]) {
      const ofDomain = candidates.filter((c) => c.change.domain === domain);
      const mapping = await getPublishedMapping(services, { source: target, domain, direction: 'outbound' });
      if (!mapping) {
        for (const c of ofDomain)
          fail(c.change, c.type, {
            stage: 'mapping',
            code: 'OUTBOUND_MAPPING_NOT_PUBLISHED',
            message: `No published outbound mapping ${target}/${domain}.`,
          });
        continue;
      }
      const lookups = await loadLookupTables(services, mapping.lookupTables);
      const outcomes = await services.mappingRuntime.evaluateBatch({
        cacheKey: mapping.cacheKey,
        expression: mapping.expression,
        records: ofDomain.map((c) => c.event),
        lookups,
      });
      ofDomain.forEach((c, i) => {
        const outcome = present(outcomes[i], 'the mapping outcome of each event');
        const label = `The outbound mapping ${target}/${domain} (version ${mapping.version})`;
        if (!outcome.ok)
          return fail(c.change, c.type, {
            stage: 'mapping',
            code: outcome.error.code,
            message: `${label} failed on this event: ${outcome.error.message}`,
          });
        // Nothing: the mapping chose not to send this event. An array: one message per element.
        if (outcome.value === undefined || outcome.value === null) return;
        // HL7 v2: an array of segments is one message, an array of such arrays several.
        const isSeveral =
          Array.isArray(outcome.value) && (contentType !== 'hl7v2' || outcome.value.every((m) => Array.isArray(m) && Array.isArray(m[0])));
        const messages = isSeveral ? (outcome.value as unknown[]) : [outcome.value];
        try {
          const bodies = messages.map((message) => writeMessage(contentType, message));
          bodies.forEach((body, index) =>
            planned.push({
              change: c.change,
              index,
              backfillRun,
              event: c.type,
              contentType: MEDIA_TYPES[contentType],
              body,
              failure: null,
            }),
          );
        } catch (error) {
          if (!(error instanceof MessageFormatError)) throw error;
          fail(c.change, c.type, {
            stage: 'mapping',
            code: error.code,
            message: `${label} returned a message that is not valid ${contentType}: ${error.message}`,
          });
        }
      });
    }
  }
  return planned.sort((a, b) => (a.change._id === b.change._id ? a.index - b.index : a.change._id < b.change._id ? -1 : 1));
}
