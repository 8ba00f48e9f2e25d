import { invalidArgument } from './errors.ts';

/**
 * Pub/Sub's subscription filter language, which selects messages by their attributes:
 *   attributes:key                 the attribute exists
 *   attributes.key = "v"           it exists and equals v
 *   attributes.key != "v"          it is absent or differs from v
 *   hasPrefix(attributes.key, "p") it exists and starts with p
 *   NOT x (or -x), x AND y, x OR y, ( x )
 * Keys made of other characters than letters, digits, `_` and `-` are written as string literals.
 * As in the real service, AND and OR cannot be mixed without parentheses, and the filter is at
 * most 256 bytes.
 */
export type FilterExpression =
  | { readonly kind: 'and' | 'or'; readonly operands: readonly FilterExpression[] }
  | { readonly kind: 'not'; readonly operand: FilterExpression }
  | { readonly kind: 'exists'; readonly key: string }
  | { readonly kind: 'equals' | 'notEquals' | 'hasPrefix'; readonly key: string; readonly value: string };

export const MAX_FILTER_BYTES = 256;

type Token =
  | { readonly type: 'word'; readonly text: string; readonly at: number }
  | { readonly type: 'string'; readonly text: string; readonly at: number }
  | { readonly type: 'symbol'; readonly text: '(' | ')' | ',' | ':' | '.' | '=' | '!=' | '-'; readonly at: number };

const WORD_START = /[A-Za-z0-9_]/;
const WORD_PART = /[A-Za-z0-9_-]/;
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '?': '?',
  '"': '"',
  "'": "'",
  '`': '`',
};

function fail(reason: string): never {
  throw invalidArgument(`Invalid filter: ${reason}`);
}

function readString(source: string, start: number): { text: string; end: number } {
  const quote = source[start];
  let text = '';
  let i = start + 1;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === quote) return { text, end: i + 1 };
    if (ch !== '\\') {
      text += ch;
      i += 1;
      continue;
    }
    const next = source[i + 1];
    if (next === undefined) break;
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      text += simple;
      i += 2;
      continue;
    }
    const numeric =
      /^[xX]([0-9A-Fa-f]{2})/.exec(source.slice(i + 1)) ??
      /^u([0-9A-Fa-f]{4})/.exec(source.slice(i + 1)) ??
      /^U([0-9A-Fa-f]{8})/.exec(source.slice(i + 1));
    const octal = /^[0-3][0-7]{2}/.exec(source.slice(i + 1));
    if (numeric) {
      const codePoint = Number.parseInt(numeric[1]!, 16);
      if (codePoint > 0x10ffff) fail(`escape out of range at ${i}`);
      text += String.fromCodePoint(codePoint);
      i += 1 + numeric[0].length;
    } else if (octal) {
      text += String.fromCodePoint(Number.parseInt(octal[0], 8));
      i += 1 + octal[0].length;
    } else {
      fail(`unknown escape \\${next} at ${i}`);
    }
  }
  return fail(`unterminated string at ${start}`);
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '"' || ch === "'") {
      const { text, end } = readString(source, i);
      tokens.push({ type: 'string', text, at: i });
      i = end;
    } else if (source.startsWith('!=', i)) {
      tokens.push({ type: 'symbol', text: '!=', at: i });
      i += 2;
    } else if ('(),:.=-'.includes(ch)) {
      tokens.push({ type: 'symbol', text: ch as '(' | ')' | ',' | ':' | '.' | '=' | '-', at: i });
      i += 1;
    } else if (WORD_START.test(ch)) {
      const start = i;
      while (i < source.length && WORD_PART.test(source[i]!)) i += 1;
      tokens.push({ type: 'word', text: source.slice(start, i), at: start });
    } else {
      fail(`unexpected character '${ch}' at ${i}`);
    }
  }
  return tokens;
}

class Parser {
  private position = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): FilterExpression {
    const expression = this.expression();
    const rest = this.peek();
    if (rest) fail(`unexpected '${rest.text}' at ${rest.at}`);
    return expression;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private next(what: string): Token {
    const token = this.tokens[this.position];
    if (!token) fail(`expected ${what} at the end`);
    this.position += 1;
    return token;
  }

  private expectSymbol(text: string): void {
    const token = this.next(`'${text}'`);
    if (token.type !== 'symbol' || token.text !== text) fail(`expected '${text}' at ${token.at}`);
  }

  private isOperator(token: Token | undefined): token is Token & { type: 'word' } {
    return token?.type === 'word' && (token.text === 'AND' || token.text === 'OR');
  }

  private expression(): FilterExpression {
    const first = this.unary();
    const operator = this.peek();
    if (!this.isOperator(operator)) return first;
    const operands = [first];
    while (this.isOperator(this.peek())) {
      const token = this.next('an operator');
      if (token.text !== operator.text) fail(`mixing AND and OR needs parentheses (at ${token.at})`);
      operands.push(this.unary());
    }
    return { kind: operator.text === 'AND' ? 'and' : 'or', operands };
  }

  private unary(): FilterExpression {
    const token = this.peek();
    if ((token?.type === 'word' && token.text === 'NOT') || (token?.type === 'symbol' && token.text === '-')) {
      this.position += 1;
      return { kind: 'not', operand: this.unary() };
    }
    return this.primary();
  }

  private primary(): FilterExpression {
    const token = this.next('a condition');
    if (token.type === 'symbol' && token.text === '(') {
      const inner = this.expression();
      this.expectSymbol(')');
      return inner;
    }
    if (token.type === 'word' && token.text === 'hasPrefix') {
      this.expectSymbol('(');
      this.expectAttributes();
      this.expectSymbol('.');
      const key = this.key();
      this.expectSymbol(',');
      const value = this.literal();
      this.expectSymbol(')');
      return { kind: 'hasPrefix', key, value };
    }
    if (token.type === 'word' && token.text === 'attributes') {
      const separator = this.next("'.' or ':'");
      if (separator.type === 'symbol' && separator.text === ':') return { kind: 'exists', key: this.key() };
      if (separator.type !== 'symbol' || separator.text !== '.') fail(`expected '.' or ':' at ${separator.at}`);
      const key = this.key();
      const comparison = this.next("'=' or '!='");
      if (comparison.type !== 'symbol' || (comparison.text !== '=' && comparison.text !== '!=')) {
        fail(`expected '=' or '!=' at ${comparison.at}`);
      }
      const value = this.literal();
      return { kind: comparison.text === '=' ? 'equals' : 'notEquals', key, value };
    }
    return fail(`unexpected '${token.text}' at ${token.at}`);
  }

  private expectAttributes(): void {
    const token = this.next("'attributes'");
    if (token.type !== 'word' || token.text !== 'attributes') fail(`expected 'attributes' at ${token.at}`);
  }

  private key(): string {
    const token = this.next('an attribute key');
    if (token.type === 'string' || token.type === 'word') {
      if (token.text === '') fail(`empty attribute key at ${token.at}`);
      return token.text;
    }
    return fail(`expected an attribute key at ${token.at}`);
  }

  private literal(): string {
    const token = this.next('a string literal');
    if (token.type !== 'string') fail(`expected a string literal at ${token.at}`);
    return token.text;
  }
}

/** Parses a filter; an empty filter means "every message" and yields undefined. */
export function parseFilter(source: string): FilterExpression | undefined {
  if (Buffer.byteLength(source, 'utf8') > MAX_FILTER_BYTES) fail(`longer than ${MAX_FILTER_BYTES} bytes`);
  const tokens = tokenize(source);
  if (tokens.length === 0) return undefined;
  return new Parser(tokens).parse();
}

export function matchesFilter(
  expression: FilterExpression | undefined,
  attributes: Readonly<Record<string, string>>,
): boolean {
  if (!expression) return true;
  switch (expression.kind) {
    case 'and':
      return expression.operands.every((operand) => matchesFilter(operand, attributes));
    case 'or':
      return expression.operands.some((operand) => matchesFilter(operand, attributes));
    case 'not':
      return !matchesFilter(expression.operand, attributes);
    case 'exists':
      return Object.hasOwn(attributes, expression.key);
    case 'equals':
      return Object.hasOwn(attributes, expression.key) && attributes[expression.key] === expression.value;
    case 'notEquals':
      return !Object.hasOwn(attributes, expression.key) || attributes[expression.key] !== expression.value;
    case 'hasPrefix':
      return Object.hasOwn(attributes, expression.key) && attributes[expression.key]!.startsWith(expression.value);
  }
}
