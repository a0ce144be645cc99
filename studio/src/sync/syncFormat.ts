/** Small display helpers of the sync pages. */
import type { SubscriptionView } from '../../../server/contracts/subscriptions';

/** Where a subscription's messages go, in one line. */
export function destinationOf(subscription: Pick<SubscriptionView, 'transport'>): string {
  const { transport } = subscription;
  if (transport.type === 'file') return `${transport.directory} (${transport.format ?? 'ndjson'} files)`;
  if (transport.type === 'amqp') return `${transport.url} → ${transport.exchange}`;
  return transport.url;
}

/** Milliseconds or seconds as a short duration. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 7_200_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

/** Fields of `next` whose value differs from `current` (deep, by JSON). */
export function changedFields(current: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next))
    if (JSON.stringify(current[key] ?? null) !== JSON.stringify(value ?? null)) changed[key] = value;
  return changed;
}
