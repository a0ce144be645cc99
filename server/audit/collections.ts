import type { CollectionDefinition } from '../store/types';

export const AUDIT_COLLECTION = 'auditLog';

export const auditCollections: CollectionDefinition[] = [
  {
    name: AUDIT_COLLECTION,
    indexes: [
      { keys: { at: 1 }, name: 'by_time' },
      { keys: { 'target.type': 1, 'target.id': 1, at: 1 }, name: 'by_target' },
      { keys: { 'actor.keyId': 1, at: 1 }, name: 'by_actor' },
      { keys: { action: 1, at: 1 }, name: 'by_action' },
      { keys: { correlationId: 1, at: 1 }, name: 'by_correlation' },
    ],
  },
];
