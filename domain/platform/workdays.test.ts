import { describe, expect, it } from 'vitest';
import { addWorkingDays, workCalendar, workingDaysBetween } from './workdays.ts';

const calendar = workCalendar([]);

describe('working days with 调休', () => {
  it.each([
    ['2024-02-04', true, '春节前调休的星期日上班'],
    ['2024-02-10', false, '春节'],
    ['2024-02-17', false, '春节假期内的星期六'],
    ['2024-02-18', true, '春节后调休的星期日上班'],
    ['2024-09-29', true, '国庆前调休的星期日上班'],
    ['2024-10-01', false, '国庆'],
    ['2024-10-07', false, '国庆假期最后一天（星期一）'],
    ['2024-10-12', true, '国庆后调休的星期六上班'],
    ['2024-10-13', false, '普通星期日'],
    ['2024-10-14', true, '普通星期一'],
  ])('%s → %s (%s)', (date, work) => {
    expect(calendar.isWorkday(date)).toBe(work);
  });

  it.each([
    // From the Friday before the Spring Festival 2024: the 4th (Sun, 调休) counts, the break does not.
    ['2024-02-02', 5, '2024-02-08'],
    // 除夕 2-9 (Fri) is officially a working day in 2024; the break is 2-10..2-17; 2-18 (Sun) is worked.
    ['2024-02-08', 1, '2024-02-09'],
    ['2024-02-09', 1, '2024-02-18'],
    ['2024-02-08', 7, '2024-02-23'],
    // National Day 2024: 9-29 (Sun) is a working day, 10-1..10-7 are not, 10-12 (Sat) is.
    ['2024-09-27', 1, '2024-09-29'],
    ['2024-09-30', 1, '2024-10-08'],
    ['2024-09-30', 5, '2024-10-12'],
    ['2024-09-30', 7, '2024-10-15'],
    ['2024-10-14', 0, '2024-10-14'],
  ])('%s + %i working days → %s', (from, n, expected) => {
    expect(addWorkingDays(calendar, from, n)).toBe(expected);
  });

  it('counts working days between two dates, the start day excluded', () => {
    expect(workingDaysBetween(calendar, '2024-09-30', '2024-10-12')).toBe(5);
    expect(workingDaysBetween(calendar, '2024-10-12', '2024-10-12')).toBe(0);
    expect(workingDaysBetween(calendar, '2024-10-14', '2024-10-11')).toBe(0);
  });
});

describe('years the package does not know', () => {
  it('knows through 2026 and falls back to weekends after it', () => {
    expect(calendar.knowsYear(2026)).toBe(true);
    expect(calendar.knowsYear(2027)).toBe(false);
    expect(calendar.isWorkday('2027-10-01')).toBe(true);
  });

  it('takes an admin-entered arrangement for a new year, and overrides win over the package', () => {
    const withOfficial = workCalendar([
      { date: '2027-10-01', isWorkday: false, name: '国庆节' },
      { date: '2027-09-26', isWorkday: true, name: '国庆节调休' },
      { date: '2024-10-14', isWorkday: false, name: '测试：临时放假' },
    ]);
    expect(withOfficial.knowsYear(2027)).toBe(true);
    expect(withOfficial.isWorkday('2027-10-01')).toBe(false);
    expect(withOfficial.isWorkday('2027-09-26')).toBe(true);
    expect(withOfficial.isWorkday('2024-10-14')).toBe(false);
    expect(withOfficial.holidayName('2027-10-01')).toBe('国庆节');
  });

  it('names the holiday of a date from the package', () => {
    expect(calendar.holidayName('2024-10-01')).toBe('国庆节');
    expect(calendar.holidayName('2024-10-14')).toBeNull();
  });
});
