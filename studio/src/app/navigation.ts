/** The studio's sections and the ability each needs; the shell greys out what the role may not open. */
import type { Action } from '../../../server/policies/abilities';

export interface NavItem {
  path: string;
  label: string;
  /** Ability needed to open the section; null for sections every key may see. */
  action: Action | null;
  description: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  {
    path: '/',
    label: 'Dashboard',
    action: null,
    description: 'Golden records, duplicates, open tasks and exception rates per domain and source.',
  },
  {
    path: '/mappings',
    label: 'Mappings',
    action: 'mappings.read',
    description: 'Write and test JSONata mappings from source payloads to canonical records.',
  },
  { path: '/inbox', label: 'Steward inbox', action: 'tasks.read', description: 'Review suspected duplicates and decide merges.' },
  {
    path: '/golden',
    label: 'Golden records',
    action: 'golden.read',
    description: 'Browse the mastered suppliers, items, facilities and accounts.',
  },
  {
    path: '/exceptions',
    label: 'Exceptions',
    action: 'exceptions.read',
    description: 'Records that failed mapping or validation, with the reason.',
  },
  { path: '/rules', label: 'Matching rules', action: 'rules.read', description: 'How candidate duplicates are found and scored.' },
  {
    path: '/jobs',
    label: 'Jobs',
    action: 'jobs.read',
    description: 'Uploads, replays and other background work: progress, cancel, why a job failed.',
  },
  {
    path: '/sync',
    label: 'Downstream sync',
    action: 'subscriptions.read',
    description: 'Subscriptions that push golden-record changes to downstream systems: deliveries, failures, replay.',
  },
];
