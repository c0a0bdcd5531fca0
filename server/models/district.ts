import { DataTypes, Model, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { requiredString } from './common';

export class District extends Model<InferAttributes<District>, InferCreationAttributes<District>> {
  declare code: string;
  declare name: string;
  declare headquarters: string;
  declare counties: string[];

  static initModel(sequelize: Sequelize): typeof District {
    District.init(
      {
        code: { type: DataTypes.STRING(8), primaryKey: true },
        name: requiredString(64),
        headquarters: requiredString(64),
        counties: { type: DataTypes.JSON, allowNull: false },
      },
      { sequelize, tableName: 'districts', underscored: true, timestamps: false },
    );
    return District;
  }
}
