/** Keeps credentials out of logs and error messages. */

/** `mongodb://user:secret@host/db?authSource=x` → `mongodb://user:***@host/db` (query dropped: it may carry secrets). */
export function redactMongoUri(uri: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/)(?:([^:@/]*)(?::[^@/]*)?@)?([^/?]*)(\/[^?]*)?/.exec(uri);
  if (!match) return 'mongodb://(unparseable URI)';
  const [, scheme, user, hosts, path] = match;
  return `${scheme}${user ? `${decodeSafe(user)}:***@` : ''}${hosts}${path && path !== '/' ? path : ''}`;
}

/** Masks any MongoDB URI credentials that appear inside free text (driver error messages). */
export function redactMongoText(text: string): string {
  return text.replace(/(mongodb(?:\+srv)?:\/\/)([^:@/\s]*):([^@/\s]*)@/g, '$1$2:***@');
}

function decodeSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
