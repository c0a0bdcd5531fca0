import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { idColumn, optionalString, requiredString } from './common';

export type InsuranceType = 'commercial' | 'self' | 'both';

export class InsurancePolicy extends Model<InferAttributes<InsurancePolicy>, InferCreationAttributes<InsurancePolicy>> {
  declare id: CreationOptional<number>;
  declare customerId: number;
  declare insuranceType: InsuranceType;
  declare systemInsuranceId: string | null;
  declare carrier: string | null;
  declare policyNumber: string | null;
  /** YYYY-MM-DD: a calendar day, the same in every time zone. */
  declare policyExpiresOn: string | null;
  declare confirmationDueOn: string | null;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof InsurancePolicy {
    InsurancePolicy.init(
      {
        id: idColumn,
        customerId: { type: DataTypes.INTEGER, allowNull: false },
        insuranceType: requiredString(16),
        systemInsuranceId: optionalString(40),
        carrier: optionalString(200),
        policyNumber: optionalString(60),
        policyExpiresOn: { type: DataTypes.DATEONLY, allowNull: true },
        confirmationDueOn: { type: DataTypes.DATEONLY, allowNull: true },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'insurance_policies', underscored: true, version: true },
    );
    return InsurancePolicy;
  }
}
