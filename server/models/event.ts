import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { idColumn, optionalString, requiredString } from './common';

export type Changes = Record<string, [unknown, unknown]>;

/** One change in an account's history. Events are only ever inserted. */
export class Event extends Model<InferAttributes<Event>, InferCreationAttributes<Event>> {
  declare id: CreationOptional<number>;
  declare entityType: string;
  declare entityId: number;
  declare action: string;
  declare accountNumber: string | null;
  declare customerAccountNumber: string | null;
  declare status: string | null;
  declare actorId: number | null;
  declare at: Date;
  declare changes: Changes;
  declare reason: string | null;

  static initModel(sequelize: Sequelize): typeof Event {
    Event.init(
      {
        id: idColumn,
        entityType: requiredString(32),
        entityId: { type: DataTypes.INTEGER, allowNull: false },
        action: requiredString(40),
        accountNumber: optionalString(16),
        customerAccountNumber: optionalString(16),
        status: optionalString(24),
        actorId: { type: DataTypes.INTEGER, allowNull: true },
        at: { type: DataTypes.DATE, allowNull: false },
        changes: { type: DataTypes.JSON, allowNull: false },
        reason: { type: DataTypes.TEXT, allowNull: true },
      },
      { sequelize, tableName: 'events', underscored: true, timestamps: false },
    );
    return Event;
  }
}
