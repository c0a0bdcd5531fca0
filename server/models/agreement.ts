import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { idColumn, optionalString, requiredString } from './common';

/** An agreement with a customer (e.g. a master utility agreement). */
export class Agreement extends Model<InferAttributes<Agreement>, InferCreationAttributes<Agreement>> {
  declare id: CreationOptional<number>;
  declare customerId: number;
  declare agreementType: string;
  declare agreementNumber: string | null;
  declare effectiveOn: string | null;
  declare expiresOn: string | null;
  declare agreementStatus: string;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof Agreement {
    Agreement.init(
      {
        id: idColumn,
        customerId: { type: DataTypes.INTEGER, allowNull: false },
        agreementType: requiredString(60),
        agreementNumber: optionalString(60),
        effectiveOn: { type: DataTypes.DATEONLY, allowNull: true },
        expiresOn: { type: DataTypes.DATEONLY, allowNull: true },
        agreementStatus: requiredString(24),
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'agreements', underscored: true, version: true },
    );
    return Agreement;
  }
}
