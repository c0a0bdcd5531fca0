import { diff } from '../../../server/domain/history';

describe('diff', () => {
  const fields = ['name', 'fein', 'districts', 'at', 'extra'];
  it.each<[Record<string, unknown>, Record<string, unknown>, Record<string, [unknown, unknown]>]>([
    [{ name: 'A' }, { name: 'A' }, {}],
    [{ name: 'A' }, { name: 'B' }, { name: ['A', 'B'] }],
    [{}, { name: 'A', fein: '25-1234567' }, { name: [null, 'A'], fein: [null, '25-1234567'] }],
    [{ name: 'A' }, {}, { name: ['A', null] }],
    [{ name: '' }, { name: null }, {}],
    [{ name: undefined }, { name: '' }, {}],
    [{ districts: ['1-0'] }, { districts: ['1-0'] }, {}],
    [{ districts: ['1-0'] }, { districts: ['1-0', '2-0'] }, { districts: [['1-0'], ['1-0', '2-0']] }],
    [{ at: new Date('2026-01-01T00:00:00Z') }, { at: '2026-01-01T00:00:00.000Z' }, {}],
    [{ at: new Date('2026-01-01T00:00:00Z') }, { at: new Date('2026-01-02T00:00:00Z') }, { at: ['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z'] }],
    [{ notListed: 1 }, { notListed: 2 }, {}],
    [{ extra: 0 }, { extra: false }, { extra: [0, false] }],
  ])('%j → %j gives %j', (before, after, changes) => {
    expect(diff(before, after, fields)).toEqual(changes);
  });
});
