/**
 * Rates as the report prints them (DESIGN.md: one decimal, rounded half-up; 61/65 → 93.8). Integer arithmetic:
 * floor((2000·n + d) / 2d) / 10 is n/d·100 rounded half-up, so 1/16 → 6.3 where a float or banker's rounding gives 6.2.
 * Null when the denominator is 0 (no rate, not 0 %).
 */
export function percentRate(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || numerator < 0) throw new RangeError(`invalid counts ${numerator}/${denominator}`);
  return Math.floor((2000 * numerator + denominator) / (2 * denominator)) / 10;
}

/** 93.8 → '93.8%', 100 → '100.0%', null → '—'. */
export const formatRate = (rate: number | null): string => (rate === null ? '—' : `${rate.toFixed(1)}%`);
