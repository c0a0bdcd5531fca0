import { DataTypes, Model, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { AccountStatus } from '../../config/vocabulary';

/**
 * One row per district a billing account serves, with copies of the account's status and billing
 * name (migrations 006 and 007). Written only by the database's triggers; read as the list index
 * of billing accounts. `id` is the billing account's id: the attribute names are the account's
 * own, so that a list's filter and sort apply to this table unchanged.
 */
export class BillingAccountDistrict extends Model<InferAttributes<BillingAccountDistrict>, InferCreationAttributes<BillingAccountDistrict>> {
  declare id: number;
  declare district: string;
  declare status: AccountStatus;
  declare billingName: string;

  static initModel(sequelize: Sequelize): typeof BillingAccountDistrict {
    BillingAccountDistrict.init(
      {
        // The table's key is (district, billing_account_id); Sequelize only needs a tie-break for order.
        id: { type: DataTypes.INTEGER, primaryKey: true, field: 'billing_account_id' },
        district: { type: DataTypes.STRING(8), allowNull: false },
        status: { type: DataTypes.STRING(24), allowNull: false },
        billingName: { type: DataTypes.STRING(200), allowNull: false },
      },
      { sequelize, tableName: 'billing_account_districts', underscored: true, timestamps: false },
    );
    return BillingAccountDistrict;
  }
}
