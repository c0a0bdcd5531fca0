// The core schema: users and their sessions, customer and billing accounts, the account number
// registry, the history of events, and the PennDOT districts.
import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from '../server/db/migrator';
import { DISTRICTS } from '../config/districts';
import { FIRST_SEQUENCE_VALUE } from '../config/account-numbers';

const id = { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false };
const timestamps = {
  created_at: { type: DataTypes.DATE, allowNull: false },
  updated_at: { type: DataTypes.DATE, allowNull: false },
};
const str = (length: number, allowNull = true) => ({ type: DataTypes.STRING(length), allowNull });
const address = {
  address_line1: str(120),
  address_line2: str(120),
  city: str(80),
  state: str(2),
  zip: str(10),
};
const lifecycle = {
  status: { type: DataTypes.STRING(24), allowNull: false, defaultValue: 'preliminary' },
  submitted_at: { type: DataTypes.DATE, allowNull: true },
  submitted_by_id: { type: DataTypes.INTEGER, allowNull: true },
  search_text: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
  version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
};

export const up: Migration = async ({ context: qi }) => {
  await qi.createTable('users', {
    id,
    username: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    full_name: str(120, false),
    password_hash: str(200, false),
    roles: str(200, false),
    district: str(8),
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    ...timestamps,
  });
  await qi.createTable('sessions', {
    id: { type: DataTypes.STRING(64), primaryKey: true, allowNull: false },
    user_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'users', key: 'id' }, onDelete: 'CASCADE' },
    expires_at: { type: DataTypes.DATE, allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('sessions', ['user_id']);
  await qi.addIndex('sessions', ['expires_at']);

  await qi.createTable('account_numbers', {
    value: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
    entity_type: str(32, false),
    issued_at: { type: DataTypes.DATE, allowNull: false },
  });
  await startSequence(qi);

  await qi.createTable('districts', {
    code: { type: DataTypes.STRING(8), primaryKey: true, allowNull: false },
    name: str(64, false),
    headquarters: str(64, false),
    counties: { type: DataTypes.JSON, allowNull: false },
  });
  await qi.bulkInsert('districts', DISTRICTS.map((d) => ({ ...d, counties: JSON.stringify(d.counties) })));

  await qi.createTable('customers', {
    id,
    account_number: { type: DataTypes.STRING(16), allowNull: false, unique: true },
    name: str(200, false),
    account_type: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'utility' },
    ...address,
    phone: str(20),
    phone_ext: str(10),
    email: str(254),
    fein: str(9),
    bpid: str(20),
    bp_name: str(200),
    ...lifecycle,
    ...timestamps,
  });
  for (const fields of [['status'], ['name'], ['account_type'], ['bpid'], ['fein']]) await qi.addIndex('customers', fields);

  await qi.createTable('billing_accounts', {
    id,
    account_number: { type: DataTypes.STRING(16), allowNull: false, unique: true },
    customer_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'customers', key: 'id' } },
    billing_name: str(200, false),
    ...address,
    permit_system: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'HOP' },
    invoice_method: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'email' },
    invoice_email_primary: str(254),
    invoice_email_secondary: str(254),
    // Served districts as ",8-0,11-0," so that one district is found with a LIKE on the delimiters.
    districts: { type: DataTypes.STRING(200), allowNull: false, defaultValue: '' },
    suspended_by_customer: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    ...lifecycle,
    ...timestamps,
  });
  for (const fields of [['customer_id'], ['status'], ['billing_name'], ['status', 'billing_name']]) {
    await qi.addIndex('billing_accounts', fields);
  }

  await qi.createTable('insurance_policies', {
    id,
    // Exactly one insurance record per customer.
    customer_id: { type: DataTypes.INTEGER, allowNull: false, unique: true, references: { model: 'customers', key: 'id' }, onDelete: 'CASCADE' },
    insurance_type: str(16, false),
    system_insurance_id: str(40),
    carrier: str(200),
    policy_number: str(60),
    policy_expires_on: { type: DataTypes.DATEONLY, allowNull: true },
    confirmation_due_on: { type: DataTypes.DATEONLY, allowNull: true },
    version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    ...timestamps,
  });

  await qi.createTable('events', {
    id,
    entity_type: str(32, false),
    entity_id: { type: DataTypes.INTEGER, allowNull: false },
    action: str(40, false),
    account_number: str(16),
    customer_account_number: str(16),
    status: str(24),
    actor_id: { type: DataTypes.INTEGER, allowNull: true },
    at: { type: DataTypes.DATE, allowNull: false },
    changes: { type: DataTypes.JSON, allowNull: false },
    reason: { type: DataTypes.TEXT, allowNull: true },
  });
  for (const fields of [['account_number'], ['customer_account_number'], ['entity_type', 'entity_id'], ['at']]) {
    await qi.addIndex('events', fields);
  }
};

export const down: Migration = async ({ context: qi }) => {
  for (const table of ['events', 'insurance_policies', 'billing_accounts', 'customers', 'districts', 'account_numbers', 'sessions', 'users']) {
    await qi.dropTable(table);
  }
};

/** Account numbers start at a value that gives every number the full width. */
async function startSequence(qi: QueryInterface): Promise<void> {
  const start = FIRST_SEQUENCE_VALUE;
  if (qi.sequelize.getDialect() === 'postgres') {
    await qi.sequelize.query(`ALTER SEQUENCE account_numbers_value_seq RESTART WITH ${start}`);
  } else {
    await qi.sequelize.query(`INSERT INTO sqlite_sequence (name, seq) VALUES ('account_numbers', ${start - 1})`);
  }
}
