// Arithmetic expressions of an indicator set (issue 14; INDICATORS.md §3): formulas over other indicators' values,
// the two sides of a ratio and of a validation rule. A small recursive-descent parser — never eval or Function.
//
//   expr   := term (('+' | '-') term)*
//   term   := unary (('*' | '/') unary)*          × and ÷ are read as * and /
//   unary  := '-' unary | atom
//   atom   := number | code | ('min' | 'max') '(' expr (',' expr)* ')' | '(' expr ')'
//
// A code is a figure's or an indicator's code: a letter or '_' then letters, digits, '_' or '.'.

export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'ref'; code: string }
  | { kind: 'neg'; arg: Expr }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr }
  | { kind: 'call'; fn: 'min' | 'max'; args: Expr[] };

export class FormulaError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
    this.name = 'FormulaError';
  }
}

type Token = { t: 'num'; v: number; at: number } | { t: 'id'; v: string; at: number } | { t: 'op'; v: string; at: number } | { t: 'end'; at: number };

const MAX_LENGTH = 2_000;
const MAX_DEPTH = 64;

function tokenize(src: string): Token[] {
  if (src.length > MAX_LENGTH) throw new FormulaError(`expression longer than ${MAX_LENGTH} characters`, 0);
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)/.exec(src.slice(i))!;
      out.push({ t: 'num', v: Number(m[0]), at: i });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i))!;
      out.push({ t: 'id', v: m[0], at: i });
      i += m[0].length;
    } else if ('+-*/(),×÷−'.includes(c)) {
      const v = c === '×' ? '*' : c === '÷' ? '/' : c === '−' ? '-' : c;
      out.push({ t: 'op', v, at: i });
      i++;
    } else {
      throw new FormulaError(`unexpected character '${c}'`, i);
    }
  }
  out.push({ t: 'end', at: src.length });
  return out;
}

/** Parses an expression; throws FormulaError (with the position) on anything it does not understand. */
export function parseFormula(src: string): Expr {
  const tokens = tokenize(src);
  let pos = 0;
  let depth = 0;
  const peek = () => tokens[pos]!;
  const isOp = (v: string) => {
    const tk = peek();
    return tk.t === 'op' && tk.v === v;
  };
  const expect = (v: string) => {
    if (!isOp(v)) throw new FormulaError(`expected '${v}'`, peek().at);
    pos++;
  };
  const nest = <T>(f: () => T): T => {
    if (++depth > MAX_DEPTH) throw new FormulaError('expression nested too deeply', peek().at);
    try {
      return f();
    } finally {
      depth--;
    }
  };

  const expr = (): Expr =>
    nest(() => {
      let left = term();
      while (isOp('+') || isOp('-')) {
        const op = (tokens[pos++] as { v: '+' | '-' }).v;
        left = { kind: 'bin', op, left, right: term() };
      }
      return left;
    });
  const term = (): Expr => {
    let left = unary();
    while (isOp('*') || isOp('/')) {
      const op = (tokens[pos++] as { v: '*' | '/' }).v;
      left = { kind: 'bin', op, left, right: unary() };
    }
    return left;
  };
  const unary = (): Expr => {
    if (isOp('-')) {
      pos++;
      return nest(() => ({ kind: 'neg', arg: unary() }));
    }
    return atom();
  };
  const atom = (): Expr => {
    const tk = peek();
    if (tk.t === 'num') {
      pos++;
      return { kind: 'num', value: tk.v };
    }
    if (tk.t === 'id') {
      pos++;
      if (!isOp('(')) return { kind: 'ref', code: tk.v };
      const fn = tk.v.toLowerCase();
      if (fn !== 'min' && fn !== 'max') throw new FormulaError(`unknown function '${tk.v}'`, tk.at);
      pos++;
      const args = [expr()];
      while (isOp(',')) {
        pos++;
        args.push(expr());
      }
      expect(')');
      return { kind: 'call', fn, args };
    }
    if (isOp('(')) {
      pos++;
      const inner = expr();
      expect(')');
      return inner;
    }
    throw new FormulaError(tk.t === 'end' ? 'unexpected end of expression' : `unexpected '${tk.v}'`, tk.at);
  };

  const tree = expr();
  if (peek().t !== 'end') throw new FormulaError(`unexpected '${(peek() as { v: string }).v}'`, peek().at);
  return tree;
}

/** The codes an expression reads, each once, in order of appearance. */
export function formulaRefs(e: Expr, out: string[] = []): string[] {
  if (e.kind === 'ref') {
    if (!out.includes(e.code)) out.push(e.code);
  } else if (e.kind === 'neg') formulaRefs(e.arg, out);
  else if (e.kind === 'bin') {
    formulaRefs(e.left, out);
    formulaRefs(e.right, out);
  } else if (e.kind === 'call') for (const a of e.args) formulaRefs(a, out);
  return out;
}

export type Evaluated = { ok: true; value: number } | { ok: false; reason: 'missing'; missing: string[] } | { ok: false; reason: 'division-by-zero' };

/** Evaluates with `lookup` giving a code's number, or undefined where it is missing (every missing code is named). */
export function evaluateFormula(e: Expr, lookup: (code: string) => number | undefined): Evaluated {
  const missing = formulaRefs(e).filter((c) => lookup(c) === undefined);
  if (missing.length > 0) return { ok: false, reason: 'missing', missing };
  let divByZero = false;
  const run = (n: Expr): number => {
    switch (n.kind) {
      case 'num':
        return n.value;
      case 'ref':
        return lookup(n.code)!;
      case 'neg':
        return -run(n.arg);
      case 'call':
        return n.fn === 'min' ? Math.min(...n.args.map(run)) : Math.max(...n.args.map(run));
      case 'bin': {
        const l = run(n.left);
        const r = run(n.right);
        if (n.op === '+') return l + r;
        if (n.op === '-') return l - r;
        if (n.op === '*') return l * r;
        if (r === 0) {
          divByZero = true;
          return 0;
        }
        return l / r;
      }
    }
  };
  const value = run(e);
  if (divByZero || !Number.isFinite(value)) return { ok: false, reason: 'division-by-zero' };
  return { ok: true, value };
}
