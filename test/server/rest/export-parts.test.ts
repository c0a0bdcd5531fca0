// The export's small parts on their own: formula neutralising, the concurrency slots, and which
// databases a child process can read (an in-memory SQLite database lives only in the server).
import { Sequelize, type Model } from 'sequelize';
import { childSource, neutralise } from '../../../server/rest/export';
import { csvHeader, csvLines } from '../../../server/rest/export-format';
import { ExportSlots } from '../../../server/rest/export-process';
import type { ResourceDefinition } from '../../../server/rest/resource';

const defOn = (sequelize: Sequelize, extra: Partial<ResourceDefinition<Model>> = {}) =>
  ({ name: 'customers', fields: [], model: { sequelize }, ...extra }) as unknown as ResourceDefinition<Model>;

describe('export parts', () => {
  it('neutralises what a spreadsheet would run, and nothing else', () => {
    for (const formula of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(neutralise(formula)).toBe(`'${formula}`);
    for (const plain of ['', 'Acme', '1-0; 8-0', ' =x', 'a=b', '\'quoted']) expect(neutralise(plain)).toBe(plain);
  });

  it('quotes with csv-stringify: commas, quotes, line breaks; a BOM before the header', () => {
    expect(csvHeader(['id', 'name'])).toBe('\uFEFFid,name\n');
    expect(csvLines([['1', 'Smith, Jones & "Partners"'], ['2', 'Line one\nLine two'], ['3', '']])).toBe('1,"Smith, Jones & ""Partners"""\n2,"Line one\nLine two"\n3,\n');
  });

  it('gives out as many slots as it has, each released once', () => {
    const slots = new ExportSlots(2);
    const a = slots.take();
    const b = slots.take();
    expect(slots.take()).toBeNull();
    a!();
    a!();
    expect(slots.busy).toBe(1);
    expect(slots.take()).not.toBeNull();
    b!();
  });

  it('a child reads a SQLite file or PostgreSQL; an in-memory database is exported in-process', async () => {
    const memory = new Sequelize({ dialect: 'sqlite', storage: ':memory:', logging: false });
    const file = new Sequelize({ dialect: 'sqlite', storage: '/tmp/cims-export-parts.sqlite', logging: false });
    const pg = new Sequelize('postgres://cims:secret@db.example:6543/cims', { logging: false });
    try {
      expect(childSource(defOn(memory))).toBeNull();
      expect(childSource(defOn(file))).toEqual({ dialect: 'sqlite', file: '/tmp/cims-export-parts.sqlite' });
      expect(childSource(defOn(pg))).toMatchObject({ dialect: 'postgres', database: 'cims', username: 'cims', password: 'secret', host: 'db.example', port: 6543 });
      // A decorate that may change exported fields (events mask FEINs in `changes`) stays in-process.
      expect(childSource(defOn(file, { name: 'events', decorate: async () => undefined }))).toBeNull();
      expect(childSource(defOn(file, { name: 'billing-accounts', decorate: async () => undefined }))).not.toBeNull();
    } finally {
      await Promise.all([memory.close(), file.close(), pg.close()]);
    }
  });
});
