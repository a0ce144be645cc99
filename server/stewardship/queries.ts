/** Reading the steward's inbox: filtered, sorted, cursor-paginated task lists and counts per filter value. */
import type { TaskCountsView, TaskFilterInput, TaskListQuery } from '../contracts/stewardship';
import type { AppServices } from '../services';
import type { Filter } from '../store/types';
import { keysetPage } from './pagination';
import { tasksCollection } from './taskStore';
import type { TaskDocument } from './types';

/** The store filter of a task filter (status defaults to open). */
export function taskStoreFilter(input: TaskFilterInput): Filter {
  const filter: Filter = { status: input.status ?? 'open' };
  if (input.domain) filter.domain = input.domain;
  if (input.type) filter.type = input.type;
  if (input.source) filter.source = input.source;
  if (input.band) filter.band = input.band;
  if (input.assignee) filter.assignee = input.assignee === 'none' ? { $exists: false } : input.assignee;
  if (input.minScore !== undefined || input.maxScore !== undefined) {
    filter.score = {
      ...(input.minScore !== undefined ? { $gte: input.minScore } : {}),
      ...(input.maxScore !== undefined ? { $lt: input.maxScore } : {}),
    };
  }
  if (input.createdBefore || input.createdAfter) {
    filter.createdAt = {
      ...(input.createdAfter ? { $gte: new Date(input.createdAfter).toISOString() } : {}),
      ...(input.createdBefore ? { $lt: new Date(input.createdBefore).toISOString() } : {}),
    };
  }
  return filter;
}

/** A page of tasks. Sorting by score lists scored tasks (potential matches) only. */
export async function listTasks(
  services: Pick<AppServices, 'store'>,
  input: TaskListQuery,
): Promise<{ items: TaskDocument[]; nextCursor: string | null }> {
  const sort = input.sort ?? '-priority';
  const direction = sort.startsWith('-') ? -1 : 1;
  const field = sort.replace(/^-/, '');
  const filter = taskStoreFilter(input);
  if (field === 'score') filter.score = { $exists: true, ...(typeof filter.score === 'object' ? filter.score : {}) };
  return keysetPage({
    collection: tasksCollection(services.store),
    filter,
    field,
    direction,
    cursor: input.cursor,
    limit: input.limit ?? 50,
  });
}

const DAY_MS = 86_400_000;

function ageBucket(createdAt: string, now: number): string {
  const days = (now - Date.parse(createdAt)) / DAY_MS;
  return days < 1 ? '<1d' : days < 7 ? '1-7d' : days < 30 ? '7-30d' : '>30d';
}

function scoreBucket(score: number | undefined): string {
  if (score === undefined) return 'none';
  const tenth = Math.min(9, Math.floor(score * 10));
  return `${(tenth / 10).toFixed(1)}-${((tenth + 1) / 10).toFixed(1)}`;
}

/** Counts of the tasks matching a filter, per value of every filterable field (streamed, bounded memory). */
export async function countTasks(services: Pick<AppServices, 'store'>, input: TaskFilterInput, now = Date.now()): Promise<TaskCountsView> {
  const counts: TaskCountsView = {
    total: 0,
    byType: {},
    byDomain: {},
    bySource: {},
    byBand: {},
    byAssignee: {},
    byScoreBand: {},
    byAge: {},
  };
  const add = (bucket: Record<string, number>, key: string): void => {
    bucket[key] = (bucket[key] ?? 0) + 1;
  };
  const projection = { type: 1, domain: 1, source: 1, band: 1, assignee: 1, score: 1, createdAt: 1 } as const;
  for await (const task of tasksCollection(services.store).iterate(taskStoreFilter(input), { projection })) {
    counts.total++;
    add(counts.byType, task.type);
    add(counts.byDomain, task.domain);
    add(counts.bySource, task.source ?? 'none');
    add(counts.byBand, task.band ?? 'none');
    add(counts.byAssignee, task.assignee ?? 'none');
    add(counts.byScoreBand, scoreBucket(task.score));
    add(counts.byAge, ageBucket(task.createdAt, now));
  }
  return counts;
}
