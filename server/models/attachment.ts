import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { idColumn, optionalString, requiredString } from './common';

/** A document kept with an account (insurance certificate, bond copy …); its bytes are in AttachmentContent. */
export class Attachment extends Model<InferAttributes<Attachment>, InferCreationAttributes<Attachment>> {
  declare id: CreationOptional<number>;
  declare customerId: number | null;
  declare billingAccountId: number | null;
  declare documentType: string;
  declare description: string | null;
  declare fileName: string;
  declare mimeType: string;
  declare size: number;
  declare sha256: string;
  declare uploadedById: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof Attachment {
    Attachment.init(
      {
        id: idColumn,
        customerId: { type: DataTypes.INTEGER, allowNull: true },
        billingAccountId: { type: DataTypes.INTEGER, allowNull: true },
        documentType: requiredString(40),
        description: optionalString(500),
        fileName: requiredString(255),
        mimeType: requiredString(120),
        size: { type: DataTypes.INTEGER, allowNull: false },
        sha256: requiredString(64),
        uploadedById: { type: DataTypes.INTEGER, allowNull: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'attachments', underscored: true },
    );
    return Attachment;
  }
}

export class AttachmentContent extends Model<InferAttributes<AttachmentContent>, InferCreationAttributes<AttachmentContent>> {
  declare attachmentId: number;
  declare content: Buffer;

  static initModel(sequelize: Sequelize): typeof AttachmentContent {
    AttachmentContent.init(
      {
        attachmentId: { type: DataTypes.INTEGER, primaryKey: true },
        content: { type: DataTypes.BLOB, allowNull: false },
      },
      { sequelize, tableName: 'attachment_contents', underscored: true, timestamps: false },
    );
    return AttachmentContent;
  }
}
