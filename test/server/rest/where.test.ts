import { coerce } from '../../../server/rest/where';

type Kind = Parameters<typeof coerce>[0];

describe('coerce', () => {
  it.each<[Kind, unknown, unknown]>([
    ['integer', 5, 5],
    ['integer', '42', 42],
    ['integer', '-3', -3],
    ['number', '2.5', 2.5],
    ['number', 7, 7],
    ['boolean', true, true],
    ['boolean', 'false', false],
    ['boolean', 'true', true],
    ['date', '2026-04-30', '2026-04-30'],
    ['date', '2026-04-30T12:00:00Z', '2026-04-30T12:00:00Z'],
    ['date', '2026-04-30T12:00:00.000+02:00', '2026-04-30T12:00:00.000+02:00'],
    ['string', 'active', 'active'],
    ['string', 12, '12'],
  ])('%s %j → %j', (kind, value, expected) => {
    expect(coerce(kind, value, 'f')).toBe(expected);
  });

  it.each<[Kind, unknown]>([
    ['integer', 'abc'],
    ['integer', '1.5'],
    ['integer', 1.5],
    ['integer', ''],
    ['integer', true],
    ['integer', null],
    ['integer', [1]],
    ['integer', Number.MAX_SAFE_INTEGER + 1],
    ['number', 'x'],
    ['number', ''],
    ['number', Infinity],
    ['boolean', 'yes'],
    ['boolean', 1],
    ['date', 'yesterday'],
    ['date', '2026-13-45'],
    ['date', '2026-02-30'],
    ['date', '2026-04-31T10:00:00Z'],
    ['date', 20260430],
    ['string', { $gt: 'a' }],
    ['string', ['a']],
    ['string', true],
  ])('%s %j → 400', (kind, value) => {
    expect(() => coerce(kind, value, 'theFilter')).toThrow(expect.objectContaining({ status: 400, message: expect.stringContaining('"theFilter"') }));
  });
});
