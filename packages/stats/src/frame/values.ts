/**
 * How R reads and prints single values: which texts are numbers, logical words or missing
 * (read.csv's type.convert), the order of factor levels (sort() under ICU collation, R's default
 * on Linux and macOS in a UTF-8 locale), and how a number becomes a level label
 * (as.character: 15 significant digits, fixed or scientific notation, whichever is narrower).
 */

/** Texts read as missing: an empty field and NA (read.csv(na.strings = c("", "NA"))). */
export function isMissingText(text: string): boolean {
  return text === '' || text === 'NA';
}

/** R's logical words (type.convert): T, F, TRUE, FALSE. */
export function logicalValue(text: string): 0 | 1 | null {
  switch (text) {
    case 'TRUE':
    case 'T':
      return 1;
    case 'FALSE':
    case 'F':
      return 0;
    default:
      return null;
  }
}

const SPECIAL = /^[-+]?(?:inf|infinity|nan)$/i;

/**
 * The number a text denotes as R's type.convert reads it (decimal, scientific, hexadecimal,
 * Inf, NaN, surrounding blanks allowed), or null when the text is not a number. NaN is a
 * number (and a missing value).
 */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const first = trimmed.charCodeAt(0);
  const isDigitStart = (first >= 48 && first <= 57) || first === 46; // 0-9 or .
  if (isDigitStart || first === 43 || first === 45) {
    const signless = first === 43 || first === 45 ? trimmed.slice(1) : trimmed;
    const second = signless.charCodeAt(1);
    if (signless.charCodeAt(0) === 48 && (second === 120 || second === 88)) {
      // Hexadecimal (0x1A); JavaScript's Number takes no sign there.
      const value = Number(signless);
      if (Number.isNaN(value)) return null;
      return first === 45 ? -value : value;
    }
    if (signless.charCodeAt(0) === 48 && /[bBoO]/.test(signless.charAt(1))) return null;
    const value = Number(trimmed);
    if (!Number.isNaN(value)) return value;
  }
  if (SPECIAL.test(trimmed)) {
    const lower = trimmed.toLowerCase();
    if (lower.endsWith('nan')) return NaN;
    return lower.startsWith('-') ? -Infinity : Infinity;
  }
  return null;
}

const COLLATOR = new Intl.Collator('en-US');

/** Compares two level names as R's sort() does under ICU collation, code points breaking ties. */
export function compareLevels(a: string, b: string): number {
  const order = COLLATOR.compare(a, b);
  if (order !== 0) return order;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * R's as.character() of a double: at most 15 significant digits, in fixed notation unless
 * scientific notation is narrower (so 1e+05 but 123456, 0.001 but 1e-04).
 */
export function formatNumberLikeR(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Inf';
  if (value === -Infinity) return '-Inf';
  if (value === 0) return '0';
  const reference = Number(value.toPrecision(15));
  let digits = 1;
  while (digits < 15 && Number(value.toPrecision(digits)) !== reference) digits += 1;
  const scientific = value.toExponential(digits - 1); // e.g. "1.5e+5"
  const [mantissa = '', exponentText = '0'] = scientific.split('e');
  const exponent = Number(exponentText);
  const sign = value < 0 ? 1 : 0;
  const exponentDigits = Math.max(2, String(Math.abs(exponent)).length);
  const scientificWidth = sign + (digits > 1 ? digits + 1 : 1) + 2 + exponentDigits;
  const decimals = Math.max(0, digits - 1 - exponent);
  const integerDigits = Math.max(1, exponent + 1);
  const fixedWidth = sign + integerDigits + (decimals > 0 ? decimals + 1 : 0);
  if (fixedWidth > scientificWidth) {
    const exponentSign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${exponentSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return value.toFixed(decimals);
}
