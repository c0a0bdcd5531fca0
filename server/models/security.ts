import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { idColumn, optionalString, requiredString } from './common';

/** A bond or letter of credit held for a customer. */
export class Security extends Model<InferAttributes<Security>, InferCreationAttributes<Security>> {
  declare id: CreationOptional<number>;
  declare customerId: number;
  declare securityType: 'bond' | 'letter_of_credit';
  declare systemNumber: string | null;
  declare issuerName: string | null;
  declare issuerNumber: string | null;
  declare issuerReference: string | null;
  /** Dollars and cents as a string ("250000.10"); kept as whole cents in the column amount_cents. */
  declare amount: string | null;
  declare effectiveOn: string | null;
  declare expiresOn: string | null;
  declare blanket: CreationOptional<boolean>;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof Security {
    Security.init(
      {
        id: idColumn,
        customerId: { type: DataTypes.INTEGER, allowNull: false },
        securityType: requiredString(24),
        systemNumber: optionalString(40),
        issuerName: optionalString(200),
        issuerNumber: optionalString(60),
        issuerReference: optionalString(120),
        amount: {
          type: DataTypes.BIGINT,
          field: 'amount_cents',
          allowNull: true,
          get(): string | null {
            return centsToDollars(this.getDataValue('amount') as unknown);
          },
          set(value: string | null) {
            this.setDataValue('amount', dollarsToCents(value) as unknown as string);
          },
        },
        effectiveOn: { type: DataTypes.DATEONLY, allowNull: true },
        expiresOn: { type: DataTypes.DATEONLY, allowNull: true },
        blanket: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'securities', underscored: true, version: true },
    );
    return Security;
  }
}

/** Whole cents (a number from SQLite, a string from pg's BIGINT) → "1234.50". */
export function centsToDollars(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  const cents = BigInt(String(raw));
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** "1234.5" → 123450, without ever passing through a float. */
export function dollarsToCents(value: string | null): number | null {
  if (value === null || value === undefined) return null;
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(value);
  if (!m) throw new Error(`Not an amount: ${value}`);
  return Number(BigInt(m[1]) * 100n + BigInt((m[2] ?? '').padEnd(2, '0')));
}
