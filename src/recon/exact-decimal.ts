/**
 * Exact decimal arithmetic on the text the engines return, so that sums of DECIMAL(38,x) and
 * BIGINT beyond 2^53 are compared digit for digit. A value is `units × 10^-scale`.
 */
export interface ExactDecimal {
  units: bigint;
  scale: number;
}

export function parseExactDecimal(text: string): ExactDecimal | undefined {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return undefined;
  const fraction = match[3] ?? '';
  const units = BigInt(`${match[1] === '-' ? '-' : ''}${match[2] || '0'}${fraction}`);
  return { units, scale: fraction.length };
}

function align(a: ExactDecimal, b: ExactDecimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale), scale];
}

export function subtract(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  const [x, y, scale] = align(a, b);
  return { units: x - y, scale };
}

export function compare(a: ExactDecimal, b: ExactDecimal): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function absolute(a: ExactDecimal): ExactDecimal {
  return { units: a.units < 0n ? -a.units : a.units, scale: a.scale };
}

export function multiply(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

export function add(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  const [x, y, scale] = align(a, b);
  return { units: x + y, scale };
}

/** a / b rounded half away from zero to `scale` digits. */
export function divide(a: ExactDecimal, b: ExactDecimal, scale: number): ExactDecimal {
  if (b.units === 0n) throw new RangeError('division by zero');
  // a/b = (ua/10^sa) / (ub/10^sb); scaled result = ua × 10^(scale + sb − sa) / ub
  const shift = scale + b.scale - a.scale;
  let numerator = a.units;
  let denominator = b.units;
  if (shift >= 0) numerator *= 10n ** BigInt(shift);
  else denominator *= 10n ** BigInt(-shift);
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let quotient = n / d;
  if ((n % d) * 2n >= d) quotient += 1n;
  return { units: negative ? -quotient : quotient, scale };
}

export function toText(value: ExactDecimal): string {
  const negative = value.units < 0n;
  const digits = (negative ? -value.units : value.units).toString().padStart(value.scale + 1, '0');
  const whole = digits.slice(0, digits.length - value.scale);
  const fraction = value.scale > 0 ? `.${digits.slice(digits.length - value.scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** An approximation for ratios and charts; never used to decide equality. */
export function toNumber(value: ExactDecimal): number {
  return Number(toText(value));
}

export function fromNumber(value: number): ExactDecimal {
  const text = Number.isInteger(value) ? value.toFixed(0) : /e/i.test(String(value)) ? value.toFixed(20) : String(value);
  return parseExactDecimal(text) ?? { units: 0n, scale: 0 };
}
