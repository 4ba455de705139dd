import { describe, expect, it } from 'vitest';
import { maskIdCard, maskPersonName, maskPhone } from './masking.ts';

describe('maskPhone', () => {
  it.each([
    ['13909921234', '139****1234'],
    ['18699990000', '186****0000'],
    ['09928881234', '099****1234'],
    ['123456', '****'],
    ['', '****'],
  ])('%s → %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('never shows the middle digits of a mobile number', () => {
    expect(maskPhone('13912345678')).not.toContain('2345');
  });
});

describe('maskIdCard', () => {
  it.each([
    ['654202199001011234', '654***********1234'],
    ['65420219900101123X', '654***********123X'],
    ['12345678', '123*5678'],
    ['1234567', '****'],
    ['', '****'],
  ])('%s → %s', (idCard, masked) => {
    expect(maskIdCard(idCard)).toBe(masked);
  });

  it('keeps the length and hides the birth date', () => {
    const masked = maskIdCard('654202199001011234');
    expect(masked).toHaveLength(18);
    expect(masked).not.toContain('19900101');
  });
});

describe('maskPersonName', () => {
  it.each([
    ['张三', '张某'],
    ['王建军', '王某'],
    ['艾尔肯·吐尔逊', '艾某'],
    ['张', '张'],
    ['', ''],
  ])('%s → %s', (name, masked) => {
    expect(maskPersonName(name)).toBe(masked);
  });
});
