/** Parses hash routes (`#/golden/item/item-1?tab=history`) into path segments and query parameters. */

export interface ParsedRoute {
  path: string;
  segments: string[];
  query: URLSearchParams;
}

/** A segment decoded; one that is not valid percent-encoding (a hand-edited or cut link) is kept as typed. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // decodeURIComponent throws URIError on `%ZZ` or a cut UTF-8 sequence: thrown during render, it blanked the studio.
    return segment;
  }
}

/** Splits a route string into decoded segments and its query string. */
export function parseRoute(route: string): ParsedRoute {
  const [pathPart = '', queryPart = ''] = route.split('?', 2);
  const segments = pathPart
    .split('/')
    .filter((segment) => segment !== '')
    .map(decodeSegment);
  return { path: pathPart === '' ? '/' : pathPart, segments, query: new URLSearchParams(queryPart) };
}

/** Builds a hash href from segments (each encoded) and optional query parameters. */
export function hrefOf(segments: readonly string[], query: Record<string, string | undefined> = {}): string {
  const path = `#/${segments.map((segment) => encodeURIComponent(segment)).join('/')}`;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, value);
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

/** Navigates to a hash href. */
export function navigate(href: string): void {
  window.location.hash = href.replace(/^#/, '');
}
