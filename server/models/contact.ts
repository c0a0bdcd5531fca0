import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { idColumn, optionalString, requiredString } from './common';

/** A person to reach about a customer or a billing account. */
export class Contact extends Model<InferAttributes<Contact>, InferCreationAttributes<Contact>> {
  declare id: CreationOptional<number>;
  declare customerId: number | null;
  declare billingAccountId: number | null;
  declare name: string;
  declare title: string | null;
  declare email: string | null;
  declare phone: string | null;
  declare phoneExt: string | null;
  declare mobile: string | null;
  declare isPrimary: CreationOptional<boolean>;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof Contact {
    Contact.init(
      {
        id: idColumn,
        customerId: { type: DataTypes.INTEGER, allowNull: true },
        billingAccountId: { type: DataTypes.INTEGER, allowNull: true },
        name: requiredString(120),
        title: optionalString(120),
        email: optionalString(254),
        phone: optionalString(20),
        phoneExt: optionalString(10),
        mobile: optionalString(20),
        isPrimary: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'contacts', underscored: true, version: true },
    );
    return Contact;
  }
}
