import type { RaRecord } from 'react-admin';

export { AttachmentsPanel } from './AttachmentsPanel';
export { UploadDialog } from './UploadDialog';
export { uploadAttachment, attachmentFormData, formatSize, contentUrl, UPLOAD_URL } from './upload';

/** Attachments live on their account's page; uploads go through ./upload (multipart). */
export default {
  recordRepresentation: (r: RaRecord) => String(r.fileName ?? ''),
  options: { label: 'Attachments' },
};
