import { SelectInput, TextInput, maxLength, required, useRecordContext } from 'react-admin';
import { documentTypeChoices } from './documentTypes';

/** What can change of an attachment: its type and description (the file itself is kept as uploaded). */
export function AttachmentEditInputs() {
  const record = useRecordContext();
  return (
    <>
      <SelectInput source="documentType" label="Document type" choices={documentTypeChoices(record?.documentType)} validate={required('Choose the type of document.')} fullWidth />
      <TextInput source="description" label="Description" multiline minRows={2} validate={maxLength(500)} fullWidth />
    </>
  );
}
