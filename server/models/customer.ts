import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { AccountStatus, AccountType } from '../../config/vocabulary';
import { addressColumns, idColumn, lifecycleColumns, optionalString, requiredString } from './common';

export class Customer extends Model<InferAttributes<Customer>, InferCreationAttributes<Customer>> {
  declare id: CreationOptional<number>;
  declare accountNumber: string;
  declare name: string;
  declare accountType: CreationOptional<AccountType>;
  declare addressLine1: string | null;
  declare addressLine2: string | null;
  declare city: string | null;
  declare state: string | null;
  declare zip: string | null;
  declare phone: string | null;
  declare phoneExt: string | null;
  declare email: string | null;
  declare fein: string | null;
  declare bpid: string | null;
  declare bpName: string | null;
  /** The account's reference in the system it was loaded from, if any. */
  declare legacyReference: CreationOptional<string | null>;
  declare status: CreationOptional<AccountStatus>;
  declare submittedAt: Date | null;
  declare submittedById: number | null;
  declare searchText: CreationOptional<string>;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof Customer {
    Customer.init(
      {
        id: idColumn,
        accountNumber: requiredString(16),
        name: requiredString(200),
        accountType: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'utility' },
        ...addressColumns,
        phone: optionalString(20),
        phoneExt: optionalString(10),
        email: optionalString(254),
        fein: optionalString(9),
        bpid: optionalString(20),
        bpName: optionalString(200),
        legacyReference: optionalString(64),
        ...lifecycleColumns,
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'customers', underscored: true, version: true },
    );
    return Customer;
  }
}
