// Bulk load from an agency's former system (each account keeps its legacy reference, so that a
// second load of the same file updates instead of duplicating), and searches saved for the team.
import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/migrator';

export const up: Migration = async ({ context: qi }) => {
  for (const table of ['customers', 'billing_accounts']) {
    await qi.addColumn(table, 'legacy_reference', { type: DataTypes.STRING(64), allowNull: true });
    await qi.addIndex(table, ['legacy_reference'], { unique: true, name: `${table}_legacy_reference` });
  }
  await qi.createTable('saved_searches', {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
    name: { type: DataTypes.STRING(120), allowNull: false },
    resource: { type: DataTypes.STRING(32), allowNull: false },
    filter: { type: DataTypes.JSON, allowNull: false },
    sort: { type: DataTypes.JSON, allowNull: true },
    description: { type: DataTypes.STRING(500), allowNull: true },
    owner_id: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'users', key: 'id' }, onDelete: 'SET NULL' },
    version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    created_at: { type: DataTypes.DATE, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('saved_searches', ['resource', 'name']);
};

export const down: Migration = async ({ context: qi }) => {
  await qi.dropTable('saved_searches');
  for (const table of ['customers', 'billing_accounts']) {
    await qi.removeIndex(table, `${table}_legacy_reference`);
    await qi.removeColumn(table, 'legacy_reference');
  }
};
