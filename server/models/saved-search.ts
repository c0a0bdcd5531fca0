import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { idColumn, requiredString } from './common';

/** A list's filter and sort, saved under a name and shared with the whole team. */
export class SavedSearch extends Model<InferAttributes<SavedSearch>, InferCreationAttributes<SavedSearch>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare resource: string;
  declare filter: Record<string, unknown>;
  declare sort: [string, string] | null;
  declare description: string | null;
  declare ownerId: number | null;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof SavedSearch {
    SavedSearch.init(
      {
        id: idColumn,
        name: requiredString(120),
        resource: requiredString(32),
        filter: { type: DataTypes.JSON, allowNull: false },
        sort: { type: DataTypes.JSON, allowNull: true },
        description: { type: DataTypes.STRING(500), allowNull: true },
        ownerId: { type: DataTypes.INTEGER, allowNull: true },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'saved_searches', underscored: true, version: true },
    );
    return SavedSearch;
  }
}
