import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { idColumn, optionalString, requiredString } from './common';

/** Work a permit system has in process on a billing account (fees not yet invoiced). */
export class WorkItem extends Model<InferAttributes<WorkItem>, InferCreationAttributes<WorkItem>> {
  declare id: CreationOptional<number>;
  declare billingAccountId: number;
  declare apiClientId: number | null;
  declare permitSystem: string;
  declare externalId: string;
  declare state: 'open' | 'closed';
  declare description: string | null;
  declare openedAt: Date;
  declare closedAt: Date | null;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof WorkItem {
    WorkItem.init(
      {
        id: idColumn,
        billingAccountId: { type: DataTypes.INTEGER, allowNull: false },
        apiClientId: { type: DataTypes.INTEGER, allowNull: true },
        permitSystem: requiredString(16),
        externalId: requiredString(120),
        state: requiredString(8),
        description: optionalString(500),
        openedAt: { type: DataTypes.DATE, allowNull: false },
        closedAt: { type: DataTypes.DATE, allowNull: true },
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'work_items', underscored: true, createdAt: false },
    );
    return WorkItem;
  }
}
