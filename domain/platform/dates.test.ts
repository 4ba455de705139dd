import { describe, expect, it } from 'vitest';
import { addDays, addMonths, shanghaiDate } from './dates.ts';

describe('shanghaiDate (business dates are days in Asia/Shanghai, UTC+8)', () => {
  it.each([
    ['2024-03-12T15:59:59.999Z', '2024-03-12'],
    ['2024-03-12T16:00:00.000Z', '2024-03-13'],
    ['2024-03-12T00:00:00.000Z', '2024-03-12'],
    ['2023-12-31T16:00:00.000Z', '2024-01-01'],
    ['2024-12-31T15:59:59.000Z', '2024-12-31'],
    ['2024-02-28T16:30:00.000Z', '2024-02-29'],
  ])('%s → %s', (instant, date) => {
    expect(shanghaiDate(new Date(instant))).toBe(date);
  });
});

describe('addDays', () => {
  it.each<[string, number, string]>([
    ['2024-03-13', -1, '2024-03-12'],
    ['2024-03-13', 0, '2024-03-13'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-01-01', -1, '2023-12-31'],
    ['2024-01-31', 30, '2024-03-01'],
    ['2024-01-01', 366, '2025-01-01'],
    // Daylight-saving changes elsewhere do not shift a calendar day.
    ['2024-03-30', 2, '2024-04-01'],
    ['2024-10-26', 2, '2024-10-28'],
  ])('%s %+d days → %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('addMonths (民法典 arts 201–203)', () => {
  it.each<[string, number, string]>([
    ['2024-10-09', 6, '2025-04-09'],
    ['2024-08-31', 6, '2025-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2025-04-09', 3, '2025-07-09'],
    ['2024-12-15', 1, '2025-01-15'],
  ])('%s + %d months → %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});
