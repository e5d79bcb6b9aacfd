import { type LogicalType, sameType } from '../../plan/logical-type.js';
import type { Dialect } from '../dialect.js';
import { decimalTypeOf } from './type-names.js';

/** What a dialect defines for itself and the base derives the rest from. */
export interface DialectCore {
  quoteIdentifier(name: string): string;
  stringLiteral(value: string): string;
  renderType(type: LogicalType): string;
  displayText(expression: string, type: LogicalType): string;
}

/**
 * The parts every dialect writes the same way in terms of its own quoting, literals and type
 * names: a dialect spreads these into its object and overrides none of them.
 */
export function baseDialect(core: DialectCore): Pick<Dialect, 'quoteIdentifier' | 'stringLiteral' | 'renderType' | 'displayText' | 'quoteTableName' | 'numericLiteral' | 'cast' | 'nullOf'> {
  const { quoteIdentifier, stringLiteral, renderType, displayText } = core;
  return {
    quoteIdentifier,
    stringLiteral,
    renderType,
    displayText,
    quoteTableName: (parts) => parts.map(quoteIdentifier).join('.'),
    // Through a string literal, so no digit is lost to the engine's reading of a numeric literal.
    numericLiteral(decimalText, type) {
      if (type.kind === 'float') return `CAST(${stringLiteral(decimalText)} AS DOUBLE)`;
      const { precision, scale } = decimalTypeOf(decimalText);
      return `CAST(${stringLiteral(decimalText)} AS DECIMAL(${precision},${scale}))`;
    },
    // Types that cannot meet in a number meet as canonical text, which both sides print alike.
    cast(expression, from, to) {
      if (sameType(from, to)) return expression;
      if (to.kind === 'string') return displayText(expression, from);
      return `CAST(${expression} AS ${renderType(to)})`;
    },
    nullOf: (type) => `CAST(NULL AS ${renderType(type)})`,
  };
}
