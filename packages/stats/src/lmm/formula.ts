/**
 * lme4's formula language, the subset that linear mixed models with nested random intercepts
 * need: `y ~ a*b + c + factor(d) + a:c - 1 + (1 | g) + (1 | g1:g2) + (1 | g1/g2)`.
 *
 * The fixed part follows R's terms(): `+` adds terms, `-` removes them, `:` is the interaction,
 * `a*b` is `a + b + a:b`, `a/b` is `a + a:b`, `0`/`-1` drop the intercept. Variables are
 * numbered in order of first appearance, a term's variables are listed in that order (so its
 * label is `sex:age` whichever way it was written), duplicate terms are dropped and terms are
 * sorted by degree, stably. Random terms are random intercepts `(1 | grouping)`; `g1/g2` expands
 * as lme4's findbars does, to `g2:g1` then `g1` (innermost first), and labels follow lme4
 * (`patient:unit`, `pp:(u:s)`).
 */

/** Why a formula was refused: a syntax error or a construct outside the supported subset. */
export class FormulaError extends Error {
  override readonly name = 'FormulaError';
}

/** A variable of the fixed part: a column, possibly wrapped in factor(). */
export interface FormulaVariable {
  /** As R labels it: `age`, `factor(visit)`, `` `body weight` ``. */
  readonly label: string;
  readonly column: string;
  /** Wrapped in factor(): a factor even when the column is numeric. */
  readonly asFactor: boolean;
}

/** One random-intercept term `(1 | grouping)`. */
export interface RandomTerm {
  /** lme4's name of the grouping factor, e.g. `unit`, `patient:unit`. */
  readonly label: string;
  /** Columns whose combination of values is the grouping factor. */
  readonly columns: readonly string[];
}

export interface ParsedFormula {
  readonly response: string;
  readonly intercept: boolean;
  readonly variables: readonly FormulaVariable[];
  /** Fixed terms in R's order, each a list of variable indices in increasing order. */
  readonly terms: readonly (readonly number[])[];
  /** Random terms in the order lme4's findbars returns them. */
  readonly random: readonly RandomTerm[];
}

type Token =
  | { kind: 'name'; text: string; quoted: boolean; at: number }
  | { kind: 'number'; value: number; at: number }
  | { kind: 'op'; text: string; at: number };

type Expr =
  | { kind: 'name'; name: string; quoted: boolean }
  | { kind: 'number'; value: number }
  | { kind: 'call'; fn: string; args: Expr[] }
  | { kind: 'binary'; op: string; left: Expr; right: Expr }
  | { kind: 'negate'; arg: Expr }
  | { kind: 'paren'; inner: Expr };

const NAME_START = /[A-Za-z.]/;
const NAME_CHAR = /[A-Za-z0-9._]/;
const RESERVED = new Set([
  'if',
  'else',
  'repeat',
  'while',
  'function',
  'for',
  'next',
  'break',
  'TRUE',
  'FALSE',
  'NULL',
  'Inf',
  'NaN',
  'NA',
  'in',
]);

/** How R prints a variable name: as is when syntactic, else in backticks. */
export function deparseName(name: string): string {
  const syntactic =
    /^((([A-Za-z]|[.][._A-Za-z])[._A-Za-z0-9]*)|[.])$/.test(name) && !RESERVED.has(name);
  return syntactic ? name : `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end < 0) throw new FormulaError(`unclosed backtick at position ${i + 1}`);
      tokens.push({ kind: 'name', text: text.slice(i + 1, end), quoted: true, at: i });
      i = end + 1;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text.charAt(i + 1)))) {
      let j = i;
      while (j < text.length && /[0-9.eE]/.test(text.charAt(j))) j += 1;
      tokens.push({ kind: 'number', value: Number(text.slice(i, j)), at: i });
      i = j;
    } else if (NAME_START.test(c)) {
      let j = i + 1;
      while (j < text.length && NAME_CHAR.test(text.charAt(j))) j += 1;
      tokens.push({ kind: 'name', text: text.slice(i, j), quoted: false, at: i });
      i = j;
    } else if ('~+-*/:|(),'.includes(c)) {
      tokens.push({ kind: 'op', text: c, at: i });
      i += 1;
    } else {
      throw new FormulaError(`unexpected "${c}" at position ${i + 1}`);
    }
  }
  return tokens;
}

/** Recursive-descent parser with R's precedences: | < + - < * / < : < unary minus. */
class Parser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  peekOp(): string | null {
    const token = this.tokens[this.position];
    return token?.kind === 'op' ? token.text : null;
  }

  private expectOp(op: string): void {
    if (this.peekOp() !== op) {
      const token = this.tokens[this.position];
      const where = token === undefined ? 'at the end' : `at position ${token.at + 1}`;
      throw new FormulaError(`expected "${op}" ${where}`);
    }
    this.position += 1;
  }

  atEnd(): boolean {
    return this.position >= this.tokens.length;
  }

  parseTilde(): { response: Expr; rhs: Expr } {
    const response = this.parseBar();
    this.expectOp('~');
    const rhs = this.parseBar();
    if (!this.atEnd()) {
      const token = this.tokens[this.position];
      throw new FormulaError(`unexpected input at position ${(token?.at ?? 0) + 1}`);
    }
    return { response, rhs };
  }

  parseBar(): Expr {
    let left = this.parseSum();
    while (this.peekOp() === '|') {
      this.position += 1;
      left = { kind: 'binary', op: '|', left, right: this.parseSum() };
    }
    return left;
  }

  private parseSum(): Expr {
    let left = this.parseProduct();
    for (let op = this.peekOp(); op === '+' || op === '-'; op = this.peekOp()) {
      this.position += 1;
      left = { kind: 'binary', op, left, right: this.parseProduct() };
    }
    return left;
  }

  private parseProduct(): Expr {
    let left = this.parseInteraction();
    for (let op = this.peekOp(); op === '*' || op === '/'; op = this.peekOp()) {
      this.position += 1;
      left = { kind: 'binary', op, left, right: this.parseInteraction() };
    }
    return left;
  }

  private parseInteraction(): Expr {
    let left = this.parseUnary();
    while (this.peekOp() === ':') {
      this.position += 1;
      left = { kind: 'binary', op: ':', left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): Expr {
    const op = this.peekOp();
    if (op === '-') {
      this.position += 1;
      return { kind: 'negate', arg: this.parseUnary() };
    }
    if (op === '+') {
      this.position += 1;
      return this.parseUnary();
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Expr {
    const token = this.tokens[this.position];
    if (token === undefined) throw new FormulaError('the formula ends too early');
    this.position += 1;
    if (token.kind === 'number') return { kind: 'number', value: token.value };
    if (token.kind === 'name') {
      if (!token.quoted && this.peekOp() === '(') {
        this.position += 1;
        const args: Expr[] = [this.parseBar()];
        while (this.peekOp() === ',') {
          this.position += 1;
          args.push(this.parseBar());
        }
        this.expectOp(')');
        return { kind: 'call', fn: token.text, args };
      }
      return { kind: 'name', name: token.text, quoted: token.quoted };
    }
    if (token.text === '(') {
      const inner = this.parseBar();
      this.expectOp(')');
      return { kind: 'paren', inner };
    }
    throw new FormulaError(`unexpected "${token.text}" at position ${token.at + 1}`);
  }
}

function containsBar(expr: Expr): boolean {
  switch (expr.kind) {
    case 'binary':
      return expr.op === '|' || containsBar(expr.left) || containsBar(expr.right);
    case 'paren':
      return containsBar(expr.inner);
    case 'negate':
      return containsBar(expr.arg);
    case 'call':
      return expr.args.some(containsBar);
    default:
      return false;
  }
}

/** A grouping factor during expansion: its columns and lme4's label. */
interface Grouping {
  readonly columns: string[];
  readonly label: string;
}

function groupingOf(expr: Expr): Grouping[] {
  switch (expr.kind) {
    case 'name':
      return [{ columns: [expr.name], label: deparseName(expr.name) }];
    case 'paren':
      return groupingOf(expr.inner);
    case 'binary': {
      if (expr.op === ':') {
        const left = single(groupingOf(expr.left));
        const right = single(groupingOf(expr.right));
        return [
          { columns: [...left.columns, ...right.columns], label: `${left.label}:${right.label}` },
        ];
      }
      if (expr.op === '/') {
        // lme4: a/b is a + b:a, with a the whole left-hand side interaction.
        const left = groupingOf(expr.left);
        const outer = left[left.length - 1];
        const inner = single(groupingOf(expr.right));
        if (outer === undefined) throw new FormulaError('empty grouping factor');
        const wrapped = outer.label.includes(':') ? `(${outer.label})` : outer.label;
        return [
          ...left,
          { columns: [...inner.columns, ...outer.columns], label: `${inner.label}:${wrapped}` },
        ];
      }
      break;
    }
    default:
      break;
  }
  throw new FormulaError(
    'a grouping factor must be a column, an interaction g1:g2 or a nesting g1/g2',
  );
}

function single(groupings: Grouping[]): Grouping {
  const [first] = groupings;
  if (groupings.length !== 1 || first === undefined) {
    throw new FormulaError('use g1:(g2:g3) rather than a nesting inside an interaction');
  }
  return first;
}

function randomTermsOf(expr: Expr): RandomTerm[] {
  const bar = expr.kind === 'paren' ? expr.inner : expr;
  if (bar.kind !== 'binary' || bar.op !== '|') {
    throw new FormulaError('a random term must be written (1 | grouping)');
  }
  if (!(bar.left.kind === 'number' && bar.left.value === 1)) {
    throw new FormulaError(
      'only random intercepts (1 | grouping) are supported; random slopes are not',
    );
  }
  // findbars lists a nesting innermost first.
  return groupingOf(bar.right)
    .reverse()
    .map((grouping) => ({ label: grouping.label, columns: grouping.columns }));
}

/** Splits the right-hand side into its top-level random terms and the fixed expression. */
function splitRandom(rhs: Expr, random: RandomTerm[]): Expr | null {
  if (rhs.kind === 'paren' && containsBar(rhs.inner)) {
    random.push(...randomTermsOf(rhs));
    return null;
  }
  if (rhs.kind === 'binary' && rhs.op === '+') {
    const left = splitRandom(rhs.left, random);
    const right = splitRandom(rhs.right, random);
    if (left === null) return right;
    if (right === null) return left;
    return { kind: 'binary', op: '+', left, right };
  }
  if (containsBar(rhs)) {
    throw new FormulaError('random terms (1 | g) must be added to the formula with +');
  }
  return rhs;
}

/** Term algebra of the fixed part: terms as sorted variable-index lists. */
class TermBuilder {
  readonly variables: FormulaVariable[] = [];
  private readonly byLabel = new Map<string, number>();

  variable(expr: Expr): number {
    let variable: FormulaVariable;
    if (expr.kind === 'name') {
      variable = { label: deparseName(expr.name), column: expr.name, asFactor: false };
    } else if (expr.kind === 'call' && (expr.fn === 'factor' || expr.fn === 'as.factor')) {
      const [arg] = expr.args;
      if (expr.args.length !== 1 || arg?.kind !== 'name') {
        throw new FormulaError(`${expr.fn}() takes one column name`);
      }
      variable = {
        label: `${expr.fn}(${deparseName(arg.name)})`,
        column: arg.name,
        asFactor: true,
      };
    } else if (expr.kind === 'call') {
      throw new FormulaError(`function ${expr.fn}() is not supported in a formula (only factor())`);
    } else {
      throw new FormulaError('expected a variable');
    }
    const known = this.byLabel.get(variable.label);
    if (known !== undefined) return known;
    this.byLabel.set(variable.label, this.variables.length);
    this.variables.push(variable);
    return this.variables.length - 1;
  }

  /** Expands an expression to terms; `intercept` is set when 1, 0 or -1 appear. */
  expand(expr: Expr, state: { intercept: boolean }): number[][] {
    switch (expr.kind) {
      case 'name':
      case 'call':
        return [[this.variable(expr)]];
      case 'number':
        if (expr.value === 1) state.intercept = true;
        else if (expr.value === 0) state.intercept = false;
        else throw new FormulaError(`unexpected number ${expr.value} in the formula`);
        return [];
      case 'paren':
        return this.expand(expr.inner, state);
      case 'negate': {
        if (expr.arg.kind === 'number' && (expr.arg.value === 1 || expr.arg.value === 0)) {
          state.intercept = expr.arg.value === 0;
          return [];
        }
        throw new FormulaError('a leading minus is only allowed as -1');
      }
      case 'binary':
        return this.expandBinary(expr, state);
    }
  }

  private expandBinary(
    expr: Extract<Expr, { kind: 'binary' }>,
    state: { intercept: boolean },
  ): number[][] {
    switch (expr.op) {
      case '+':
        return union(this.expand(expr.left, state), this.expand(expr.right, state));
      case '-': {
        const left = this.expand(expr.left, state);
        if (expr.right.kind === 'number') {
          if (expr.right.value === 1) state.intercept = false;
          else if (expr.right.value === 0) state.intercept = true;
          else throw new FormulaError(`unexpected number ${expr.right.value} in the formula`);
          return left;
        }
        const removed = new Set(this.expand(expr.right, { intercept: true }).map(key));
        return left.filter((term) => !removed.has(key(term)));
      }
      case ':':
        return interact(this.expandPlain(expr.left), this.expandPlain(expr.right));
      case '*': {
        const left = this.expandPlain(expr.left);
        const right = this.expandPlain(expr.right);
        return union(union(left, right), interact(left, right));
      }
      case '/': {
        const left = this.expandPlain(expr.left);
        const right = this.expandPlain(expr.right);
        const all = [...new Set(left.flat())].sort((a, b) => a - b);
        return union(left, interact([all], right));
      }
      default:
        throw new FormulaError(`operator ${expr.op} is not allowed here`);
    }
  }

  /** Operands of :, * and / must not change the intercept. */
  private expandPlain(expr: Expr): number[][] {
    const state = { intercept: true };
    const terms = this.expand(expr, state);
    if (!state.intercept) throw new FormulaError('0 or -1 cannot be inside an interaction');
    return terms;
  }
}

function key(term: readonly number[]): string {
  return term.join(',');
}

function union(a: number[][], b: number[][]): number[][] {
  const seen = new Set(a.map(key));
  const out = [...a];
  for (const term of b) {
    if (!seen.has(key(term))) {
      seen.add(key(term));
      out.push(term);
    }
  }
  return out;
}

function interact(a: number[][], b: number[][]): number[][] {
  const out: number[][] = [];
  for (const left of a) {
    for (const right of b) {
      out.push([...new Set([...left, ...right])].sort((x, y) => x - y));
    }
  }
  return union([], out);
}

/** Parses an lme4 formula; throws FormulaError with a readable message. */
export function parseFormula(text: string): ParsedFormula {
  const parser = new Parser(tokenize(text));
  const { response, rhs } = parser.parseTilde();
  if (response.kind !== 'name') {
    throw new FormulaError('the response (left of ~) must be a column name');
  }
  const random: RandomTerm[] = [];
  const fixed = splitRandom(rhs, random);
  const builder = new TermBuilder();
  const state = { intercept: true };
  const expanded = fixed === null ? [] : builder.expand(fixed, state);
  // Stable sort by degree, as terms.formula does.
  const terms = expanded
    .map((term, index) => ({ term, index }))
    .sort((a, b) => a.term.length - b.term.length || a.index - b.index)
    .map(({ term }) => term);
  const labels = new Set<string>();
  for (const term of random) {
    if (labels.has(term.label))
      throw new FormulaError(`random term (1 | ${term.label}) appears twice`);
    labels.add(term.label);
  }
  return {
    response: response.name,
    intercept: state.intercept,
    variables: builder.variables,
    terms,
    random,
  };
}

/** R's label of a fixed term, e.g. `arm:factor(visit)`. */
export function termLabel(formula: ParsedFormula, term: readonly number[]): string {
  return term.map((index) => formula.variables[index]?.label ?? '?').join(':');
}
