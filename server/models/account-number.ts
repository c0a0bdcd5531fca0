import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { requiredString } from './common';

/** The registry of issued account numbers: one row per number, never deleted, so never reused. */
export class AccountNumber extends Model<InferAttributes<AccountNumber>, InferCreationAttributes<AccountNumber>> {
  declare value: CreationOptional<number>;
  declare entityType: string;
  declare issuedAt: Date;

  static initModel(sequelize: Sequelize): typeof AccountNumber {
    AccountNumber.init(
      {
        value: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        entityType: requiredString(32),
        issuedAt: { type: DataTypes.DATE, allowNull: false },
      },
      { sequelize, tableName: 'account_numbers', underscored: true, timestamps: false },
    );
    return AccountNumber;
  }
}
