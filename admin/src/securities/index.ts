import type { RaRecord } from 'react-admin';

export { SecuritiesPanel } from './SecuritiesPanel';
export { SecurityInputs, SECURITY_TYPE_CHOICES, SECURITY_TYPE_LABELS } from './SecurityInputs';
export { formatAmount, parseAmount } from './money';

/** Securities live on their customer's page; the resource has no pages of its own. */
export default {
  recordRepresentation: (r: RaRecord) => String(r.systemNumber ?? r.issuerReference ?? `#${String(r.id)}`),
  options: { label: 'Securities' },
};
