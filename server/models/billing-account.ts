import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { AccountStatus, InvoiceMethod } from '../../config/vocabulary';
import { addressColumns, idColumn, lifecycleColumns, optionalString, requiredString } from './common';

export class BillingAccount extends Model<InferAttributes<BillingAccount>, InferCreationAttributes<BillingAccount>> {
  declare id: CreationOptional<number>;
  declare accountNumber: string;
  declare customerId: number;
  declare billingName: string;
  declare addressLine1: string | null;
  declare addressLine2: string | null;
  declare city: string | null;
  declare state: string | null;
  declare zip: string | null;
  declare permitSystem: CreationOptional<string>;
  declare invoiceMethod: CreationOptional<InvoiceMethod>;
  declare invoiceEmailPrimary: string | null;
  declare invoiceEmailSecondary: string | null;
  /** The account's reference in the system it was loaded from, if any. */
  declare legacyReference: CreationOptional<string | null>;
  declare districts: CreationOptional<string[]>;
  /** Set when the customer's suspension suspended this account, so that reinstating the customer restores it. */
  declare suspendedByCustomer: CreationOptional<boolean>;
  declare status: CreationOptional<AccountStatus>;
  declare submittedAt: Date | null;
  declare submittedById: number | null;
  declare searchText: CreationOptional<string>;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof BillingAccount {
    BillingAccount.init(
      {
        id: idColumn,
        accountNumber: requiredString(16),
        customerId: { type: DataTypes.INTEGER, allowNull: false },
        billingName: requiredString(200),
        ...addressColumns,
        permitSystem: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'HOP' },
        invoiceMethod: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'email' },
        invoiceEmailPrimary: optionalString(254),
        invoiceEmailSecondary: optionalString(254),
        legacyReference: optionalString(64),
        districts: {
          type: DataTypes.STRING(200),
          allowNull: false,
          defaultValue: '',
          // Stored as ",8-0,11-0," so that a LIKE on the delimiters finds one district.
          get(): string[] {
            const raw = this.getDataValue('districts') as unknown as string | null;
            return raw ? raw.split(',').filter(Boolean) : [];
          },
          set(value: string[]) {
            const list = [...new Set(value)].sort(compareDistricts);
            this.setDataValue('districts', (list.length ? `,${list.join(',')},` : '') as unknown as string[]);
          },
        },
        suspendedByCustomer: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        ...lifecycleColumns,
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'billing_accounts', underscored: true, version: true },
    );
    return BillingAccount;
  }
}

/** District codes in their natural order: 2-0 before 11-0. */
export function compareDistricts(a: string, b: string): number {
  return parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b);
}
