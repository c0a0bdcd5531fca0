// The district table of 006 also carries each billing account's status and billing name, with
// an index in list order, so that "the Active accounts of District 11-0, by name" — a District
// viewer's everyday list — is read page and count from that one index (a few milliseconds at a
// million accounts) instead of checking each of the district's accounts in the main table. The
// triggers keep the copies in step with the account, whatever writes it.
import type { Migration } from '../server/db/migrator';

export const up: Migration = async ({ context: qi }) => {
  const q = (sql: string) => qi.sequelize.query(sql);
  await q('ALTER TABLE billing_account_districts ADD COLUMN status VARCHAR(24)');
  await q('ALTER TABLE billing_account_districts ADD COLUMN billing_name VARCHAR(200)');
  if (qi.sequelize.getDialect() === 'postgres') {
    await q(`CREATE OR REPLACE FUNCTION billing_account_districts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM billing_account_districts WHERE billing_account_id = NEW.id;
        INSERT INTO billing_account_districts (district, billing_account_id, status, billing_name)
          SELECT DISTINCT d, NEW.id, NEW.status, NEW.billing_name
          FROM unnest(string_to_array(trim(both ',' from NEW.districts), ',')) AS d WHERE d <> '';
        RETURN NULL;
      END $$`);
    await q('DROP TRIGGER billing_account_districts_sync ON billing_accounts');
    await q(`CREATE TRIGGER billing_account_districts_sync AFTER INSERT OR UPDATE OF districts, status, billing_name ON billing_accounts
      FOR EACH ROW EXECUTE FUNCTION billing_account_districts_sync()`);
    await q(`UPDATE billing_account_districts d SET status = b.status, billing_name = b.billing_name
      FROM billing_accounts b WHERE b.id = d.billing_account_id`);
  } else {
    const split = `SELECT DISTINCT value, new.id, new.status, new.billing_name
      FROM json_each('["' || replace(trim(new.districts, ','), ',', '","') || '"]') WHERE new.districts <> ''`;
    await q('DROP TRIGGER billing_account_districts_insert');
    await q('DROP TRIGGER billing_account_districts_update');
    await q(`CREATE TRIGGER billing_account_districts_insert AFTER INSERT ON billing_accounts BEGIN
      INSERT INTO billing_account_districts (district, billing_account_id, status, billing_name) ${split}; END`);
    await q(`CREATE TRIGGER billing_account_districts_update AFTER UPDATE OF districts ON billing_accounts BEGIN
      DELETE FROM billing_account_districts WHERE billing_account_id = old.id;
      INSERT INTO billing_account_districts (district, billing_account_id, status, billing_name) ${split}; END`);
    await q(`CREATE TRIGGER billing_account_districts_copy AFTER UPDATE OF status, billing_name ON billing_accounts BEGIN
      UPDATE billing_account_districts SET status = new.status, billing_name = new.billing_name WHERE billing_account_id = new.id; END`);
    await q(`UPDATE billing_account_districts SET (status, billing_name) =
      (SELECT b.status, b.billing_name FROM billing_accounts b WHERE b.id = billing_account_districts.billing_account_id)`);
  }
  // List order within a district: by name (with or without a status), and by status then name.
  await qi.addIndex('billing_account_districts', ['district', 'status', 'billing_name', 'billing_account_id'], { name: 'billing_account_districts_status_name' });
  await qi.addIndex('billing_account_districts', ['district', 'billing_name', 'billing_account_id'], { name: 'billing_account_districts_name' });
};

export const down: Migration = async ({ context: qi }) => {
  const q = (sql: string) => qi.sequelize.query(sql);
  await qi.removeIndex('billing_account_districts', 'billing_account_districts_status_name');
  await qi.removeIndex('billing_account_districts', 'billing_account_districts_name');
  if (qi.sequelize.getDialect() === 'postgres') {
    await q(`CREATE OR REPLACE FUNCTION billing_account_districts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM billing_account_districts WHERE billing_account_id = NEW.id;
        INSERT INTO billing_account_districts (district, billing_account_id)
          SELECT DISTINCT d, NEW.id FROM unnest(string_to_array(trim(both ',' from NEW.districts), ',')) AS d WHERE d <> '';
        RETURN NULL;
      END $$`);
    await q('DROP TRIGGER billing_account_districts_sync ON billing_accounts');
    await q(`CREATE TRIGGER billing_account_districts_sync AFTER INSERT OR UPDATE OF districts ON billing_accounts
      FOR EACH ROW EXECUTE FUNCTION billing_account_districts_sync()`);
  } else {
    const split = `SELECT DISTINCT value, new.id FROM json_each('["' || replace(trim(new.districts, ','), ',', '","') || '"]') WHERE new.districts <> ''`;
    await q('DROP TRIGGER billing_account_districts_copy');
    await q('DROP TRIGGER billing_account_districts_insert');
    await q('DROP TRIGGER billing_account_districts_update');
    await q(`CREATE TRIGGER billing_account_districts_insert AFTER INSERT ON billing_accounts BEGIN
      INSERT INTO billing_account_districts (district, billing_account_id) ${split}; END`);
    await q(`CREATE TRIGGER billing_account_districts_update AFTER UPDATE OF districts ON billing_accounts BEGIN
      DELETE FROM billing_account_districts WHERE billing_account_id = old.id;
      INSERT INTO billing_account_districts (district, billing_account_id) ${split}; END`);
  }
  await qi.removeColumn('billing_account_districts', 'billing_name');
  await qi.removeColumn('billing_account_districts', 'status');
};
