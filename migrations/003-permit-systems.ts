// The interface for permit systems: registered API clients (tokens kept hashed) and the work in
// process they report on billing accounts.
import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/migrator';

const id = { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false };

export const up: Migration = async ({ context: qi }) => {
  await qi.createTable('api_clients', {
    id,
    name: { type: DataTypes.STRING(120), allowNull: false, unique: true },
    permit_system: { type: DataTypes.STRING(16), allowNull: false },
    token_hash: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    revoked_at: { type: DataTypes.DATE, allowNull: true },
    last_used_at: { type: DataTypes.DATE, allowNull: true },
    version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    created_at: { type: DataTypes.DATE, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });

  await qi.createTable('work_items', {
    id,
    billing_account_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'billing_accounts', key: 'id' }, onDelete: 'CASCADE' },
    api_client_id: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'api_clients', key: 'id' }, onDelete: 'SET NULL' },
    permit_system: { type: DataTypes.STRING(16), allowNull: false },
    external_id: { type: DataTypes.STRING(120), allowNull: false },
    state: { type: DataTypes.STRING(8), allowNull: false },
    description: { type: DataTypes.STRING(500), allowNull: true },
    opened_at: { type: DataTypes.DATE, allowNull: false },
    closed_at: { type: DataTypes.DATE, allowNull: true },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  // One work item per permit system and its own id, on one billing account.
  await qi.addIndex('work_items', ['billing_account_id', 'permit_system', 'external_id'], { unique: true });
  await qi.addIndex('work_items', ['billing_account_id', 'state']);
};

export const down: Migration = async ({ context: qi }) => {
  await qi.dropTable('work_items');
  await qi.dropTable('api_clients');
};
