// Every resource's one name: URL segment, react-admin resource, CASL subject.
export const RESOURCES = ['customers', 'billing-accounts', 'contacts', 'insurance-policies', 'securities', 'agreements', 'attachments', 'notes', 'saved-searches', 'events', 'users', 'api-clients', 'districts'] as const;
export type ResourceName = (typeof RESOURCES)[number];
