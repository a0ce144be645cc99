/** Where the API key lives: sessionStorage, so it is gone when the tab closes. */
const STORAGE_KEY = 'mdm-studio.api-key';

/** The key stored for this tab, if any. */
export function readStoredKey(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Remembers the key for this tab. */
export function storeKey(key: string): void {
  sessionStorage.setItem(STORAGE_KEY, key);
}

/** Forgets the key (sign out, or the server rejected it). */
export function clearStoredKey(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
