/**
 * Finds the offset of the first JSON syntax error. Node 20's JSON.parse messages often omit the
 * position, and "line 3, column 14" is what a person fixing a payload needs.
 */

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

class Scanner {
  index = 0;
  constructor(private readonly text: string) {}

  private skipWhitespace(): void {
    while (this.index < this.text.length && WHITESPACE.has(this.text.charAt(this.index))) this.index += 1;
  }

  private fail(): never {
    throw this.index;
  }

  private expectLiteral(literal: string): void {
    if (this.text.startsWith(literal, this.index)) this.index += literal.length;
    else this.fail();
  }

  value(): void {
    this.skipWhitespace();
    const char = this.text[this.index];
    if (char === '{') return this.object();
    if (char === '[') return this.array();
    if (char === '"') return this.string();
    if (char === 't') return this.expectLiteral('true');
    if (char === 'f') return this.expectLiteral('false');
    if (char === 'n') return this.expectLiteral('null');
    return this.number();
  }

  private object(): void {
    this.index += 1;
    this.skipWhitespace();
    if (this.text[this.index] === '}') {
      this.index += 1;
      return;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.index] !== '"') this.fail();
      this.string();
      this.skipWhitespace();
      if (this.text[this.index] !== ':') this.fail();
      this.index += 1;
      this.value();
      this.skipWhitespace();
      const next = this.text[this.index];
      this.index += 1;
      if (next === '}') return;
      if (next !== ',') {
        this.index -= 1;
        this.fail();
      }
    }
  }

  private array(): void {
    this.index += 1;
    this.skipWhitespace();
    if (this.text[this.index] === ']') {
      this.index += 1;
      return;
    }
    for (;;) {
      this.value();
      this.skipWhitespace();
      const next = this.text[this.index];
      this.index += 1;
      if (next === ']') return;
      if (next !== ',') {
        this.index -= 1;
        this.fail();
      }
    }
  }

  private string(): void {
    this.index += 1;
    while (this.index < this.text.length) {
      const char = this.text.charAt(this.index);
      if (char === '"') {
        this.index += 1;
        return;
      }
      if (char === '\\') this.index += 1;
      else if (char < ' ') this.fail();
      this.index += 1;
    }
    this.fail();
  }

  private number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.index, this.index + 400));
    if (!match) this.fail();
    this.index += match[0].length;
  }

  document(): void {
    this.value();
    this.skipWhitespace();
    if (this.index < this.text.length) this.fail();
  }
}

/** The offset of the first syntax error in `text`, or null when it is valid JSON. */
export function jsonErrorOffset(text: string): number | null {
  try {
    new Scanner(text).document();
    return null;
  } catch (offset) {
    if (typeof offset === 'number') return Math.min(offset, text.length);
    throw offset;
  }
}

/** "line L, column C" (1-based) of an offset in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1) ?? '').length + 1 };
}
