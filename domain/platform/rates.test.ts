import { describe, expect, it } from 'vitest';
import { formatRate, percentRate } from './rates.ts';

describe('percentRate: one decimal, half-up', () => {
  it.each([
    [61, 65, 93.8],
    [8, 8, 100],
    [0, 5, 0],
    [1, 16, 6.3],
    [1, 8, 12.5],
    [1, 3, 33.3],
    [2, 3, 66.7],
    [1, 40, 2.5],
    [5, 80, 6.3],
  ])('%i / %i → %f', (n, d, expected) => {
    expect(percentRate(n, d)).toBe(expected);
  });

  it('has no rate without a denominator', () => {
    expect(percentRate(0, 0)).toBeNull();
  });

  it('refuses counts that are not counts', () => {
    expect(() => percentRate(1.5, 3)).toThrow(RangeError);
    expect(() => percentRate(-1, 3)).toThrow(RangeError);
  });

  it('prints one decimal', () => {
    expect(formatRate(100)).toBe('100.0%');
    expect(formatRate(93.8)).toBe('93.8%');
    expect(formatRate(null)).toBe('—');
  });
});
