import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { idColumn, requiredString } from './common';

/** Another system (a permit system) allowed to use the interface with a bearer token. */
export class ApiClient extends Model<InferAttributes<ApiClient>, InferCreationAttributes<ApiClient>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare permitSystem: string;
  /** SHA-256 of the token: the token itself is shown once and never stored. */
  declare tokenHash: string;
  declare active: CreationOptional<boolean>;
  declare revokedAt: Date | null;
  declare lastUsedAt: Date | null;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof ApiClient {
    ApiClient.init(
      {
        id: idColumn,
        name: requiredString(120),
        permitSystem: requiredString(16),
        tokenHash: requiredString(64),
        active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        revokedAt: { type: DataTypes.DATE, allowNull: true },
        lastUsedAt: { type: DataTypes.DATE, allowNull: true },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'api_clients', underscored: true, version: true },
    );
    return ApiClient;
  }
}
