import { ACCOUNT_NUMBER_WIDTH, accountNumberProblem, formatAccountNumber, luhnCheckDigit } from '../../config/account-numbers';

describe('luhnCheckDigit', () => {
  it.each([
    ['7992739871', 3], // the textbook example
    ['1000000', 8],
    ['10000000', 9],
    ['0', 0],
    ['', 0],
    ['12345678', 2],
  ])('%s → %i', (body, digit) => {
    expect(luhnCheckDigit(body)).toBe(digit);
  });
});

describe('formatAccountNumber', () => {
  it('appends the check digit to the sequence value, at full width from the first value', () => {
    expect(formatAccountNumber(10_000_000)).toBe('100000009');
    expect(formatAccountNumber(12_345_678)).toBe('123456782');
    expect(formatAccountNumber(10_000_000)).toHaveLength(ACCOUNT_NUMBER_WIDTH);
  });
});

describe('accountNumberProblem', () => {
  it.each([
    ['100000009', null],
    ['123456782', null],
    ['123456783', 'check_digit'],
    ['100000000', 'check_digit'],
    ['12345678', 'format'],
    ['1234567820', 'format'],
    ['12345678a', 'format'],
    ['', 'format'],
    [' 123456782', 'format'],
    ['12-345678', 'format'],
  ])('%j → %s', (input, problem) => {
    expect(accountNumberProblem(input)).toBe(problem);
  });

  it('catches every single-digit typo of a valid number', () => {
    const good = formatAccountNumber(10_004_321);
    for (let i = 0; i < good.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === good[i]) continue;
        const typo = good.slice(0, i) + d + good.slice(i + 1);
        expect(accountNumberProblem(typo)).toBe('check_digit');
      }
    }
  });
});
