// The districts a billing account serves, one row each, so that "the accounts of District 11-0"
// is an index lookup instead of a LIKE over every billing account. The districts column stays
// the record's own value; triggers keep this table in step with it on both databases, whatever
// writes it (the API, the bulk load, the demo data).
import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/migrator';

export const up: Migration = async ({ context: qi }) => {
  await qi.createTable('billing_account_districts', {
    district: { type: DataTypes.STRING(8), allowNull: false, primaryKey: true },
    billing_account_id: { type: DataTypes.INTEGER, allowNull: false, primaryKey: true, references: { model: 'billing_accounts', key: 'id' }, onDelete: 'CASCADE' },
  });
  await qi.addIndex('billing_account_districts', ['billing_account_id']);
  const q = (sql: string) => qi.sequelize.query(sql);
  if (qi.sequelize.getDialect() === 'postgres') {
    await q(`CREATE FUNCTION billing_account_districts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM billing_account_districts WHERE billing_account_id = NEW.id;
        INSERT INTO billing_account_districts (district, billing_account_id)
          SELECT DISTINCT d, NEW.id FROM unnest(string_to_array(trim(both ',' from NEW.districts), ',')) AS d WHERE d <> '';
        RETURN NULL;
      END $$`);
    await q(`CREATE TRIGGER billing_account_districts_sync AFTER INSERT OR UPDATE OF districts ON billing_accounts
      FOR EACH ROW EXECUTE FUNCTION billing_account_districts_sync()`);
    await q(`INSERT INTO billing_account_districts (district, billing_account_id)
      SELECT DISTINCT d, b.id FROM billing_accounts b, unnest(string_to_array(trim(both ',' from b.districts), ',')) AS d WHERE d <> ''`);
    return;
  }
  const split = (row: string) => `SELECT DISTINCT value, ${row}.id FROM json_each('["' || replace(trim(${row}.districts, ','), ',', '","') || '"]') WHERE ${row}.districts <> ''`;
  await q(`CREATE TRIGGER billing_account_districts_insert AFTER INSERT ON billing_accounts BEGIN
    INSERT INTO billing_account_districts (district, billing_account_id) ${split('new')}; END`);
  await q(`CREATE TRIGGER billing_account_districts_update AFTER UPDATE OF districts ON billing_accounts BEGIN
    DELETE FROM billing_account_districts WHERE billing_account_id = old.id;
    INSERT INTO billing_account_districts (district, billing_account_id) ${split('new')}; END`);
  await q(`INSERT INTO billing_account_districts (district, billing_account_id)
    SELECT DISTINCT j.value, b.id FROM billing_accounts b, json_each('["' || replace(trim(b.districts, ','), ',', '","') || '"]') j WHERE b.districts <> ''`);
};

export const down: Migration = async ({ context: qi }) => {
  if (qi.sequelize.getDialect() === 'postgres') {
    await qi.sequelize.query('DROP TRIGGER IF EXISTS billing_account_districts_sync ON billing_accounts');
    await qi.sequelize.query('DROP FUNCTION IF EXISTS billing_account_districts_sync()');
  } else {
    await qi.sequelize.query('DROP TRIGGER IF EXISTS billing_account_districts_insert');
    await qi.sequelize.query('DROP TRIGGER IF EXISTS billing_account_districts_update');
  }
  await qi.dropTable('billing_account_districts');
};
