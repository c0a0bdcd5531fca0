import { DataTypes, type ModelAttributeColumnOptions } from 'sequelize';

export const idColumn: ModelAttributeColumnOptions = { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true };
export const optionalString = (length: number): ModelAttributeColumnOptions => ({ type: DataTypes.STRING(length), allowNull: true });
export const requiredString = (length: number): ModelAttributeColumnOptions => ({ type: DataTypes.STRING(length), allowNull: false });

export const addressColumns = {
  addressLine1: optionalString(120),
  addressLine2: optionalString(120),
  city: optionalString(80),
  state: optionalString(2),
  zip: optionalString(10),
};

export const lifecycleColumns = {
  status: { type: DataTypes.STRING(24), allowNull: false, defaultValue: 'preliminary' },
  submittedAt: { type: DataTypes.DATE, allowNull: true },
  submittedById: { type: DataTypes.INTEGER, allowNull: true },
  searchText: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
};
