/** The StoreSession handed to transaction work on MongoDB. */
import { randomUUID } from 'node:crypto';
import type { ClientSession } from 'mongodb';
import type { StoreSession } from '../types';

/** A store session backed by a driver session (absent when transactions are disabled). */
export class MongoStoreSession implements StoreSession {
  readonly id = randomUUID();
  constructor(readonly clientSession: ClientSession | undefined) {}
}

/** The driver session behind a store session, if any. */
export function driverSession(session: StoreSession | undefined): ClientSession | undefined {
  return session instanceof MongoStoreSession ? session.clientSession : undefined;
}
