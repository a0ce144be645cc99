/** Counting a store's calls on one collection while some work runs (how many reads or writes a path makes). */
import type { Store } from '../../server/store/types';

/**
 * Runs `work` with `store.collection(name)` wrapped so that each call of a method `kindOf` names a kind for is
 * counted under that kind; returns the work's result and the counts (kinds never called are absent).
 */
export async function countCollectionCalls<T>(args: {
  store: Store;
  collection: string;
  kindOf: (method: string | symbol) => string | undefined;
  work: () => Promise<T>;
}): Promise<{ result: T; calls: Record<string, number> }> {
  const { store } = args;
  const original = store.collection.bind(store);
  const calls: Record<string, number> = {};
  store.collection = ((name: string) => {
    const collection = original(name);
    if (name !== args.collection) return collection;
    return new Proxy(collection, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        const kind = args.kindOf(property);
        if (kind === undefined || typeof value !== 'function') return value;
        return (...callArgs: unknown[]) => {
          calls[kind] = (calls[kind] ?? 0) + 1;
          return (value as (...a: unknown[]) => unknown).apply(target, callArgs);
        };
      },
    });
  }) as typeof store.collection;
  try {
    return { result: await args.work(), calls };
  } finally {
    store.collection = original;
  }
}
