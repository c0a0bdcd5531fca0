import { contentRange, parseListQuery } from '../../../server/rest/query';

const fields = { sortable: ['name'] };

describe('parseListQuery', () => {
  it.each([
    [{}, { sort: { field: 'id', order: 'ASC' }, range: [0, 24], filter: {} }],
    [{ filter: '{"id":[1,2]}' }, { sort: { field: 'id', order: 'ASC' }, range: null, filter: { id: [1, 2] } }],
    [{ sort: '["name","desc"]', range: '[0,24]', filter: '{"q":"x"}' }, { sort: { field: 'name', order: 'DESC' }, range: [0, 24], filter: { q: 'x' } }],
  ])('parses %j', (raw, expected) => {
    expect(parseListQuery(raw, fields)).toEqual(expected);
  });

  it.each([
    [{ filter: '{not json' }, 'not valid JSON'],
    [{ filter: '[1]' }, 'JSON object'],
    [{ sort: '["nonexistent","ASC"]' }, 'Cannot sort by "nonexistent"'],
    [{ sort: '["name; DROP TABLE customers","ASC"]' }, 'Cannot sort by'],
    [{ sort: '["name","SIDEWAYS"]' }, 'ASC or DESC'],
    [{ range: '[0,"x"]' }, '[0,24]'],
    [{ range: '[5,1]' }, 'end before'],
    [{ range: '[0,5000]' }, 'at most'],
    [{ sort: ['a', 'b'] }, 'given once'],
  ])('refuses %j with a 400', (raw, message) => {
    expect(() => parseListQuery(raw, fields)).toThrow(expect.objectContaining({ status: 400, message: expect.stringContaining(message) }));
  });
});

describe('contentRange', () => {
  it.each([
    [['customers', 0, 25, 319], 'customers 0-24/319'],
    [['customers', 0, 2, 2], 'customers 0-1/2'],
    [['customers', 50, 0, 10], 'customers 50-50/10'],
  ] as [[string, number, number, number], string][])('%j → %s', ([resource, start, count, total], expected) => {
    expect(contentRange(resource, start, count, total)).toBe(expected);
  });
});
