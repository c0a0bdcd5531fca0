import type { RaRecord } from 'react-admin';

export { AgreementsPanel } from './AgreementsPanel';
export { AgreementInputs, AGREEMENT_STATUS_CHOICES, AGREEMENT_STATUS_LABELS } from './AgreementInputs';

/** Agreements live on their customer's page; the resource has no pages of its own. */
export default {
  recordRepresentation: (r: RaRecord) => [r.agreementType, r.agreementNumber].filter(Boolean).join(' '),
  options: { label: 'Agreements' },
};
