import Link from '@mui/material/Link';
import type { RaRecord } from 'react-admin';
import { formatDateTime } from '../records/dates';
import { OwnedRecords, type Column } from '../records/OwnedRecords';
import type { Owner } from '../records/owner';
import { useWhoLabel } from '../records/people';
import { AttachmentEditInputs } from './AttachmentEditInputs';
import { contentUrl, formatSize } from './upload';
import { UploadDialog } from './UploadDialog';

/** Only the type and the description can change; the server keeps the rest as uploaded. */
const editable = (data: RaRecord): RaRecord => ({ id: data.id, documentType: data.documentType, description: data.description ?? null });

export function AttachmentsPanel({ owner, fetchImpl }: { owner: Owner; fetchImpl?: typeof fetch }) {
  const who = useWhoLabel();
  const columns: Column[] = [
    {
      label: 'File',
      render: (r) => (
        <Link href={contentUrl(r.id)} download={String(r.fileName ?? '')} aria-label={`Download ${String(r.fileName ?? '')}`}>
          {String(r.fileName ?? '')}
        </Link>
      ),
    },
    { label: 'Document type', render: (r) => String(r.documentType ?? '') },
    { label: 'Description', render: (r) => String(r.description ?? '') || '—' },
    { label: 'Size', align: 'right', render: (r) => formatSize(r.size) },
    { label: 'Uploaded', render: (r) => `${who(r.uploadedById as number | null, r.uploadedByName)}, ${formatDateTime(r.createdAt)}` },
  ];
  return (
    <OwnedRecords
      resource="attachments"
      owner={owner}
      kind="attachment"
      title="Attachments"
      columns={columns}
      nameOf={(r) => String(r.fileName ?? '')}
      sort={{ field: 'createdAt', order: 'DESC' }}
      empty="No documents attached yet."
      inputs={<AttachmentEditInputs />}
      transform={editable}
      addLabel="Upload a document"
      renderAddDialog={({ open, onClose }) => <UploadDialog owner={owner} open={open} onClose={onClose} fetchImpl={fetchImpl} />}
    />
  );
}
