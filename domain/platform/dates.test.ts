import { describe, expect, it } from 'vitest';
import { addDays, shanghaiDate } from './dates.ts';

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
