/** Which function call the cursor is inside and which argument it is on, for parameter hints. */
import { findFunctionDoc, parametersOf } from './functionCatalog';
import type { FunctionDoc } from './functionCatalog';
import { lexJsonata } from './lexer';

export interface SignatureAtCursor {
  doc: FunctionDoc;
  parameters: string[];
  /** Zero-based index of the argument the cursor is in. */
  activeParameter: number;
}

/** The innermost known function call around `offset`, or null (also inside `[…]`/`{…}` within a call). */
export function signatureAt(text: string, offset: number): SignatureAtCursor | null {
  // Strings, names and comments are single tokens, so brackets and commas inside them never count.
  const tokens = lexJsonata(text.slice(0, offset));
  const stack: Array<{ name: string | null; commas: number }> = [];
  let previous: (typeof tokens)[number] | undefined;
  for (const token of tokens) {
    if (token.kind === 'comment') continue;
    if (token.kind === 'operator') {
      if (token.value === '(' || token.value === '[' || token.value === '{') {
        const isCall = token.value === '(' && previous?.kind === 'variable' && previous.value.length > 1;
        stack.push({ name: isCall && previous !== undefined ? previous.value : null, commas: 0 });
      } else if (token.value === ')' || token.value === ']' || token.value === '}') {
        stack.pop();
      } else if (token.value === ',') {
        const call = stack.at(-1);
        if (call) call.commas += 1;
      }
    }
    previous = token;
  }
  const call = stack[stack.length - 1];
  if (call?.name == null) return null;
  const doc = findFunctionDoc(call.name);
  if (doc === undefined) return null;
  const parameters = parametersOf(doc.signature).map((parameter) => (parameter.isOptional ? `${parameter.name}?` : parameter.name));
  return { doc, parameters, activeParameter: Math.min(call.commas, Math.max(0, parameters.length - 1)) };
}
