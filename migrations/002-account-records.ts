// What a customer account holds besides its own fields: contacts, securities, agreements,
// attachments and notes. Contacts, notes and attachments may belong to a billing account instead.
import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/migrator';

const id = { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false };
const timestamps = {
  created_at: { type: DataTypes.DATE, allowNull: false },
  updated_at: { type: DataTypes.DATE, allowNull: false },
};
const version = { version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 } };
const str = (length: number, allowNull = true) => ({ type: DataTypes.STRING(length), allowNull });
const customerRef = (allowNull: boolean) => ({ type: DataTypes.INTEGER, allowNull, references: { model: 'customers', key: 'id' }, onDelete: 'CASCADE' });
const billingRef = { type: DataTypes.INTEGER, allowNull: true, references: { model: 'billing_accounts', key: 'id' }, onDelete: 'CASCADE' };
const date = { type: DataTypes.DATEONLY, allowNull: true };

export const up: Migration = async ({ context: qi }) => {
  await qi.createTable('contacts', {
    id,
    customer_id: customerRef(true),
    billing_account_id: billingRef,
    name: str(120, false),
    title: str(120),
    email: str(254),
    phone: str(20),
    phone_ext: str(10),
    mobile: str(20),
    is_primary: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    ...version,
    ...timestamps,
  });
  await qi.addIndex('contacts', ['customer_id']);
  await qi.addIndex('contacts', ['billing_account_id']);

  await qi.createTable('securities', {
    id,
    customer_id: customerRef(false),
    security_type: str(24, false),
    system_number: str(40),
    issuer_name: str(200),
    issuer_number: str(60),
    issuer_reference: str(120),
    // Money as whole cents, so that no float ever rounds a bond amount, on either database.
    amount_cents: { type: DataTypes.BIGINT, allowNull: true },
    effective_on: date,
    expires_on: date,
    blanket: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    ...version,
    ...timestamps,
  });
  await qi.addIndex('securities', ['customer_id']);
  await qi.addIndex('securities', ['expires_on']);

  await qi.createTable('agreements', {
    id,
    customer_id: customerRef(false),
    agreement_type: str(60, false),
    agreement_number: str(60),
    effective_on: date,
    expires_on: date,
    agreement_status: str(24, false),
    ...version,
    ...timestamps,
  });
  await qi.addIndex('agreements', ['customer_id']);
  await qi.addIndex('agreements', ['expires_on']);

  await qi.createTable('notes', {
    id,
    customer_id: customerRef(true),
    billing_account_id: billingRef,
    text: { type: DataTypes.TEXT, allowNull: false },
    author_id: { type: DataTypes.INTEGER, allowNull: true },
    ...version,
    ...timestamps,
  });
  await qi.addIndex('notes', ['customer_id']);
  await qi.addIndex('notes', ['billing_account_id']);

  await qi.createTable('attachments', {
    id,
    customer_id: customerRef(true),
    billing_account_id: billingRef,
    document_type: str(40, false),
    description: str(500),
    file_name: str(255, false),
    mime_type: str(120, false),
    size: { type: DataTypes.INTEGER, allowNull: false },
    sha256: str(64, false),
    uploaded_by_id: { type: DataTypes.INTEGER, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('attachments', ['customer_id']);
  await qi.addIndex('attachments', ['billing_account_id']);
  // The bytes apart from the metadata, so that listing attachments never reads files.
  await qi.createTable('attachment_contents', {
    attachment_id: { type: DataTypes.INTEGER, primaryKey: true, allowNull: false, references: { model: 'attachments', key: 'id' }, onDelete: 'CASCADE' },
    content: { type: DataTypes.BLOB, allowNull: false },
  });
};

export const down: Migration = async ({ context: qi }) => {
  for (const table of ['attachment_contents', 'attachments', 'notes', 'agreements', 'securities', 'contacts']) await qi.dropTable(table);
};
