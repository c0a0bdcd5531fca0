// Account numbers: fixed-width digit strings from one sequence, the last digit a Luhn check digit,
// so that a mistyped number is refused instead of opening the wrong account.

/** Width of an account number, check digit included. */
export const ACCOUNT_NUMBER_WIDTH = 9;
/** The sequence starts here so that every number has the full width without padding. */
export const FIRST_SEQUENCE_VALUE = 10_000_000;

export function luhnCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function formatAccountNumber(sequenceValue: number): string {
  const body = String(sequenceValue);
  return body + String(luhnCheckDigit(body));
}

export type AccountNumberProblem = 'format' | 'check_digit';

/** Why a typed account number cannot be one of ours, or null when it can. */
export function accountNumberProblem(input: string): AccountNumberProblem | null {
  if (!new RegExp(`^\\d{${ACCOUNT_NUMBER_WIDTH}}$`).test(input)) return 'format';
  const body = input.slice(0, -1);
  return luhnCheckDigit(body) === Number(input.at(-1)) ? null : 'check_digit';
}

export const ACCOUNT_NUMBER_MESSAGES: Record<AccountNumberProblem, string> = {
  format: `An account number has ${ACCOUNT_NUMBER_WIDTH} digits.`,
  check_digit: 'The check digit does not match: the number was probably mistyped.',
};
