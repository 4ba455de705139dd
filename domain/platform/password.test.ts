import { describe, expect, it } from 'vitest';
import { passwordMinLength, passwordProblem } from './password.ts';
import { isIdleExpired, loginPolicy, minutesLeft } from './session.ts';

describe('passwordProblem (≥ 8 characters, 3 of 4 classes)', () => {
  it.each<[string, string | undefined]>([
    ['Abcdef1!', undefined],
    ['Abcdefg1', undefined],
    ['abcdef1!', undefined],
    ['ABCDEF1!', undefined],
    ['Abcdefg!', undefined],
    ['Test-Pass-2024', undefined],
    ['法治Abc12345', undefined],
    ['Good-Pass-99', 'newclerk'],
  ])('accepts %s', (password, username) => {
    expect(passwordProblem(password, username)).toBeNull();
  });

  it.each<[string, string | undefined, RegExp]>([
    ['', undefined, /至少 8 位/],
    ['Ab1!xyz', undefined, /至少 8 位/],
    ['abcdefgh', undefined, /至少三类/],
    ['abcdefg1', undefined, /至少三类/],
    ['ABCDEFG!', undefined, /至少三类/],
    ['12345678', undefined, /至少三类/],
    ['!@#$%^&*1', undefined, /至少三类/],
    [`Aa1!${'x'.repeat(125)}`, undefined, /不能超过 128 位/],
    ['Lixiulan-2024', 'lixiulan', /不能包含用户名/],
    ['xx-SIFASUO-1a', 'sifasuo', /不能包含用户名/],
  ])('refuses %s (user %s)', (password, username, reason) => {
    expect(passwordProblem(password, username)).toMatch(reason);
  });

  it('takes exactly 8 and exactly 128 characters', () => {
    expect(passwordMinLength).toBe(8);
    expect(passwordProblem('Aa1!aaaa')).toBeNull();
    expect(passwordProblem('Aa1!aaa')).not.toBeNull();
    expect(passwordProblem(`Aa1!${'a'.repeat(124)}`)).toBeNull();
    expect(passwordProblem(`Aa1!${'a'.repeat(125)}`)).not.toBeNull();
  });
});

describe('login policy', () => {
  it('is 5 failures, 15 minutes locked, 30 idle minutes', () => {
    expect(loginPolicy).toMatchObject({ maxFailures: 5, lockMinutes: 15, idleMinutes: 30 });
  });

  const now = new Date('2024-06-01T08:00:00Z');
  const later = (ms: number) => new Date(now.getTime() + ms);

  it.each<[number, number]>([
    [15 * 60_000, 15],
    [14 * 60_000 + 1, 15],
    [14 * 60_000, 14],
    [60_000, 1],
    [1, 1],
    [0, 1],
    [-60_000, 1],
  ])('a lock ending in %d ms shows %d minute(s) left', (ms, minutes) => {
    expect(minutesLeft(later(ms), now)).toBe(minutes);
  });

  it.each<[number, boolean]>([
    [0, false],
    [29 * 60_000, false],
    [30 * 60_000, false],
    [30 * 60_000 + 1, true],
    [31 * 60_000, true],
  ])('a session last seen %d ms ago is expired: %s', (ago, expired) => {
    expect(isIdleExpired(new Date(now.getTime() - ago), now, 30)).toBe(expired);
  });
});
