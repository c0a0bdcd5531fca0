// Attachments' metadata through the generic engine (list, one, edit the description, delete);
// the upload and the download are their own routes (server/domain/attachments.ts).
import { z } from 'zod';
import { Attachment } from '../models';
import { defineResource } from '../rest/resource';
import { optionalText, requiredText } from './fields';
import { ownedHooks, ownerPlace } from './owner';
import { nameUsers } from './users';

const editable = {
  documentType: requiredText(40, 'Choose the type of document.'),
  description: optionalText(500),
};

export const attachments = defineResource<Attachment>({
  name: 'attachments',
  model: Attachment,
  fields: ['customerId', 'billingAccountId', 'documentType', 'description', 'fileName', 'mimeType', 'size', 'sha256', 'uploadedById', 'createdAt', 'updatedAt'],
  sortable: ['documentType', 'fileName', 'size', 'createdAt'],
  filterable: ['customerId', 'billingAccountId', 'documentType', 'mimeType', 'uploadedById', 'createdAt'],
  defaultSort: { field: 'createdAt', order: 'DESC' },
  // New attachments arrive as multipart uploads, never as JSON.
  input: { create: z.never(), update: z.object(editable).partial() },
  history: ownerPlace,
  // Who uploaded it, by name, for those (the Authorizer checking a certificate) who cannot list users.
  decorate: (records) => nameUsers(records, 'uploadedById', 'uploadedByName'),
  hooks: { beforeUpdate: ownedHooks().beforeUpdate },
});
