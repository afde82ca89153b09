// The `-l` string grammar (labels.Parse), as the API server parses the
// labelSelector query parameter: its error texts are what kubectl shows.
import {
  BINARY_OPERATORS, SelectorParseError, byteOrder, newRequirement, selectorFromRequirements, validateLabelKey,
  type Operator, type Requirement, type Selector,
} from "./label-selector.ts";

type Token =
  | "error" | "end" | ")" | "," | "!" | "==" | "=" | ">" | "id" | "in" | "<" | "!=" | "notin" | "(";

const STRING_TO_TOKEN: Record<string, Token> = {
  ")": ")", ",": ",", "!": "!", "==": "==", "=": "=", ">": ">", in: "in", "<": "<", "!=": "!=", notin: "notin", "(": "(",
};

function isWhitespace(ch: string): boolean {
  return ch === " " || ch === "\t" || ch === "\r" || ch === "\n";
}

function isSpecialSymbol(ch: string): boolean {
  return ch === "=" || ch === "!" || ch === "(" || ch === ")" || ch === "," || ch === ">" || ch === "<";
}

interface Item {
  tok: Token;
  lit: string;
}

/**
 * The apimachinery lexer. Like Go's it reads a NUL byte as "no more input":
 * between tokens that ends the selector, inside a word it only ends the word.
 */
function lex(s: string): Item[] {
  let pos = 0;
  const read = (): string => {
    return pos < s.length ? s[pos++]! : "\0";
  };
  const unread = () => {
    pos--;
  };
  const items: Item[] = [];
  for (;;) {
    let ch = read();
    while (isWhitespace(ch)) ch = read();
    let item: Item;
    if (ch === "\0") {
      item = { tok: "end", lit: "" };
    } else if (isSpecialSymbol(ch)) {
      unread();
      let buffer = "";
      let last: Item | null = null;
      for (;;) {
        const c = read();
        if (c === "\0") break;
        if (!isSpecialSymbol(c)) {
          unread();
          break;
        }
        buffer += c;
        if (Object.hasOwn(STRING_TO_TOKEN, buffer)) {
          last = { tok: STRING_TO_TOKEN[buffer]!, lit: buffer };
        } else if (last !== null) {
          unread();
          break;
        }
      }
      item = last ?? { tok: "error", lit: `error expected: keyword found '${buffer}'` };
    } else {
      unread();
      let buffer = "";
      for (;;) {
        const c = read();
        if (c === "\0") break;
        if (isSpecialSymbol(c) || isWhitespace(c)) {
          unread();
          break;
        }
        buffer += c;
      }
      item = { tok: Object.hasOwn(STRING_TO_TOKEN, buffer) ? STRING_TO_TOKEN[buffer]! : "id", lit: buffer };
    }
    items.push(item);
    if (item.tok === "end") return items;
  }
}

class Parser {
  private position = 0;
  constructor(private readonly items: Item[]) {}

  // In "values" context the keywords in/notin are plain identifiers ("in=a" is a key).
  lookahead(values: boolean): Item {
    return this.asContext(this.items[this.position] ?? { tok: "end", lit: "" }, values);
  }
  consume(values: boolean): Item {
    const item = this.items[this.position] ?? { tok: "end", lit: "" };
    this.position++;
    return this.asContext(item, values);
  }
  private asContext(item: Item, values: boolean): Item {
    return values && (item.tok === "in" || item.tok === "notin") ? { tok: "id", lit: item.lit } : item;
  }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    for (;;) {
      const { tok, lit } = this.lookahead(true);
      if (tok === "id" || tok === "!") {
        let r: Requirement;
        try {
          r = this.parseRequirement();
        } catch (e) {
          throw new SelectorParseError(`unable to parse requirement: ${(e as Error).message}`);
        }
        reqs.push(r);
        const next = this.consume(true);
        if (next.tok === "end") return reqs;
        if (next.tok !== ",") throw new SelectorParseError(`found '${next.lit}', expected: ',' or 'end of string'`);
        const after = this.lookahead(true);
        if (after.tok !== "id" && after.tok !== "!") {
          throw new SelectorParseError(`found '${after.lit}', expected: identifier after ','`);
        }
      } else if (tok === "end") {
        return reqs;
      } else {
        throw new SelectorParseError(`found '${lit}', expected: !, identifier, or 'end of string'`);
      }
    }
  }

  private parseRequirement(): Requirement {
    const { key, op } = this.parseKeyAndInferOperator();
    if (op === "exists" || op === "!") return newRequirement(key, op, []);
    const operator = this.parseOperator();
    const values = operator === "in" || operator === "notin" ? this.parseValues() : this.parseExactValue();
    // sets.String.List(): deduplicated and sorted.
    return newRequirement(key, operator, [...values].sort(byteOrder));
  }

  private parseKeyAndInferOperator(): { key: string; op: Operator | null } {
    let op: Operator | null = null;
    let item = this.consume(true);
    if (item.tok === "!") {
      op = "!";
      item = this.consume(true);
    }
    if (item.tok !== "id") throw new Error(`found '${item.lit}', expected: identifier`);
    const keyErr = validateLabelKey(item.lit, null);
    if (keyErr) throw new Error(keyErr);
    const next = this.lookahead(true).tok;
    if ((next === "end" || next === ",") && op !== "!") op = "exists";
    return { key: item.lit, op };
  }

  private parseOperator(): Operator {
    const { tok, lit } = this.consume(false);
    switch (tok) {
      case "in": return "in";
      case "=": return "=";
      case "==": return "==";
      case ">": return "gt";
      case "<": return "lt";
      case "notin": return "notin";
      case "!=": return "!=";
      default: throw new Error(`found '${lit}', expected: ${BINARY_OPERATORS.join(", ")}`);
    }
  }

  private parseValues(): Set<string> {
    const open = this.consume(true);
    if (open.tok !== "(") throw new Error(`found '${open.lit}' expected: '('`);
    const { tok, lit } = this.lookahead(true);
    if (tok === "id" || tok === ",") {
      const s = this.parseIdentifiersList();
      if (this.consume(true).tok !== ")") throw new Error(`found '${lit}', expected: ')'`);
      return s;
    }
    if (tok === ")") {
      this.consume(true);
      return new Set([""]);
    }
    throw new Error(`found '${lit}', expected: ',', ')' or identifier`);
  }

  private parseIdentifiersList(): Set<string> {
    const s = new Set<string>();
    for (;;) {
      const { tok, lit } = this.consume(true);
      if (tok === "id") {
        s.add(lit);
        const next = this.lookahead(true);
        if (next.tok === ",") continue;
        if (next.tok === ")") return s;
        throw new Error(`found '${next.lit}', expected: ',' or ')'`);
      } else if (tok === ",") {
        // "(,", ",)" and ",," all stand for the empty value.
        if (s.size === 0) s.add("");
        const next = this.lookahead(true).tok;
        if (next === ")") {
          s.add("");
          return s;
        }
        if (next === ",") {
          this.consume(true);
          s.add("");
        }
      } else {
        throw new Error(`found '${lit}', expected: ',', or identifier`);
      }
    }
  }

  private parseExactValue(): Set<string> {
    const next = this.lookahead(true).tok;
    if (next === "end" || next === ",") return new Set([""]);
    const { tok, lit } = this.consume(true);
    if (tok === "id") return new Set([lit]);
    throw new Error(`found '${lit}', expected: identifier`);
  }
}

/** labels.Parse: the string form used by `kubectl -l` and the labelSelector query parameter. */
export function parseSelector(text: string): Selector {
  return selectorFromRequirements(new Parser(lex(text)).parse());
}
