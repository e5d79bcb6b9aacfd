import { describe, expect, it } from 'vitest';
import { markdownValue } from '../../src/report/markdown-escaping.js';
import { visibleWhitespace } from '../../src/report/visible-whitespace.js';

describe('whitespace in samples', () => {
  it('quotes a value with leading or trailing whitespace and shows each space, tab and line break', () => {
    expect(visibleWhitespace('Bob ')).toBe('"Bob␠"');
    expect(visibleWhitespace('  Bob')).toBe('"␠␠Bob"');
    expect(visibleWhitespace('a\tb')).toBe('"a␉b"');
    expect(visibleWhitespace('two\nlines')).toBe('two\nlines');
    expect(visibleWhitespace('line\n')).toBe('"line␤"');
    expect(visibleWhitespace('\u00a0x')).toBe('"⍽x"');
    expect(visibleWhitespace('   ')).toBe('"␠␠␠"');
  });

  it('leaves values without hidden whitespace as they are, inner spaces included', () => {
    expect(visibleWhitespace('Bob')).toBe('Bob');
    expect(visibleWhitespace('New York')).toBe('New York');
  });

  it('reaches the markdown of samples, still escaped', () => {
    expect(markdownValue('Bob ')).toBe('"Bob␠"');
    expect(markdownValue('Bob')).toBe('Bob');
    expect(markdownValue('|x ')).toBe('"&#124;x␠"');
    expect(markdownValue('')).toBe('*empty*');
    expect(markdownValue(null)).toBe('*NULL*');
  });
});
