/**
 * Facts about a regular expression read from its syntax tree (@eslint-community/regexpp), never
 * guessed from its source text.
 */
import { parseRegExpLiteral, type AST } from '@eslint-community/regexpp';

/**
 * True when what a match captures depends only on the matched text, not on the text around it: every
 * zero-width assertion (lookaround, `\b`, `^`, `$`) stands at the top level before the first or after
 * the last consuming part, so all ways of matching one string from one position check the same
 * context, and the engine's first successful way — hence every group — is fixed by the match itself.
 * Values read from a match can then be remembered by the matched string (attributes.ts).
 */
export function capturesFollowMatch(source: string): boolean {
  let pattern: AST.Pattern;
  try {
    pattern = parseRegExpLiteral(new RegExp(source, 'g')).pattern;
  } catch {
    return false;
  }
  const [only, ...others] = pattern.alternatives;
  if (only === undefined || others.length > 0) return false;
  const elements = only.elements;
  let start = 0;
  while (start < elements.length && elements[start]?.type === 'Assertion') start++;
  let end = elements.length;
  while (end > start && elements[end - 1]?.type === 'Assertion') end--;
  return elements.slice(start, end).every(isPlainConsumer);
}

/** No assertion, back reference or modifier group anywhere inside. */
function isPlainConsumer(node: AST.Node): boolean {
  switch (node.type) {
    case 'Assertion':
    case 'Backreference':
      return false;
    case 'Group':
      return !('modifiers' in node && node.modifiers) && node.alternatives.every(isPlainConsumer);
    case 'CapturingGroup':
      return node.alternatives.every(isPlainConsumer);
    case 'Alternative':
      return node.elements.every(isPlainConsumer);
    case 'Quantifier':
      return isPlainConsumer(node.element);
    case 'Character':
    case 'CharacterSet':
    case 'CharacterClass':
      return true;
    default:
      return false;
  }
}
