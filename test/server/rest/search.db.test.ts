// q is "contains the text", ignoring case and accents, with every character taken literally —
// also those that mean something to FTS5 (quotes, stars, parentheses, NEAR, AND, a colon) or to
// LIKE (% and _). The oracle is a plain substring test over the normalised names, for terms long
// enough for the trigram index and for short ones alike.
import { normalizeText } from '../../../server/rest/search';
import { createTestApp, listQuery, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';
import { completeCustomer } from '../../support/factories';

const NAMES = [
  'O"Brien "Quoted" Gas',
  'Star* Power (North)',
  'NEAR AND NOT Water',
  'Col:on Electric - East',
  'Caret^Cable',
  'Ñandú 100% Water_Works',
  'Plain Utility',
  'Zürich  Double  Space',
];

const TERMS = [
  '"', 'o"b', '"quoted"', 'n "q', 'star*', '*', 'r* p', '(north)', 'h)', 'near', 'near and', 'and not', 'not water',
  'col:on', ':', 'ic - e', '- east', 'caret^', '^c', 'nandu 100%', '0% w', 'water_w', '_', 'r_w', 'zurich double',
  'double space', 'ZÜRICH', 'utility', 'xyz', 'pl', 'ter',
];

describeDb(`q on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  const ids: number[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    as = await t.cast();
    for (const name of NAMES) {
      const r = await as.manager.post('/api/customers').send({ ...completeCustomer(), name });
      expect(r.status).toBe(201);
      ids.push(r.body.id);
    }
  });
  afterAll(() => t.close());

  it.each(TERMS)('q %j finds exactly the names that contain it', async (term) => {
    const expected = NAMES.flatMap((name, i) => (normalizeText(name).includes(normalizeText(term)) ? [ids[i]] : []));
    const r = await as.analyst.get(`/api/customers${listQuery({ filter: { q: term }, sort: ['id', 'ASC'] })}`);
    expect(r.status).toBe(200);
    expect(r.body.map((c: { id: number }) => c.id)).toEqual(expected);
    expect(r.headers['content-range']).toMatch(new RegExp(`/${expected.length}$`));
  });

  it('finds an account again after its name changes', async () => {
    const current = await as.manager.get(`/api/customers/${ids[6]}`);
    const r = await as.manager.put(`/api/customers/${ids[6]}`).send({ ...current.body, name: 'Renamed Cooperative' });
    expect(r.status).toBe(200);
    const find = async (q: string) => (await as.analyst.get(`/api/customers${listQuery({ filter: { q } })}`)).body.map((c: { id: number }) => c.id);
    expect(await find('cooperative')).toEqual([ids[6]]);
    expect(await find('plain utility')).toEqual([]);
  });
});
