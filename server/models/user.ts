import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { Role } from '../../config/vocabulary';
import { idColumn, optionalString, requiredString } from './common';

export class User extends Model<InferAttributes<User>, InferCreationAttributes<User>> {
  declare id: CreationOptional<number>;
  declare username: string;
  declare fullName: string;
  declare passwordHash: string;
  declare roles: Role[];
  declare district: string | null;
  declare active: CreationOptional<boolean>;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof User {
    User.init(
      {
        id: idColumn,
        username: requiredString(64),
        fullName: requiredString(120),
        passwordHash: requiredString(200),
        roles: {
          type: DataTypes.STRING(200),
          allowNull: false,
          get(): Role[] {
            const raw = this.getDataValue('roles') as unknown as string;
            return raw ? (raw.split(',') as Role[]) : [];
          },
          set(value: Role[]) {
            this.setDataValue('roles', value.join(',') as unknown as Role[]);
          },
        },
        district: optionalString(8),
        active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'users', underscored: true, version: true },
    );
    return User;
  }
}
