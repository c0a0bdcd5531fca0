// The advanced search's plan, apart from the page so that it can be read and tested on its own.
// Criteria of the customer account, of the billing account, and of records kept under the
// customer (insurance, agreements, securities). What the API cannot filter directly is done in
// steps, and every step is reported, so the page can say exactly what it searched:
//  - insurance / agreement / security criteria: find those records, then the customers by id;
//  - customer-only criteria (type, BPID, FEIN) for billing accounts: find the customers, then
//    their billing accounts by customerId;
//  - invoice method is a billing account's: customer accounts are then not searched.
import type { DataProvider, RaRecord } from 'react-admin';

export type SearchKind = 'both' | 'customers' | 'billing-accounts';

export interface Criteria {
  kind: SearchKind;
  accountNumber: string;
  q: string;
  status: string;
  accountType: string;
  bpid: string;
  fein: string;
  invoiceMethod: string;
  district: string;
  createdFrom: string;
  createdTo: string;
  insuranceType: string;
  policyNumber: string;
  policyExpiresFrom: string;
  policyExpiresTo: string;
  agreementType: string;
  agreementNumber: string;
  agreementExpiresFrom: string;
  agreementExpiresTo: string;
  securityNumber: string;
  securityExpiresFrom: string;
  securityExpiresTo: string;
}

export const EMPTY_CRITERIA: Criteria = {
  kind: 'both', accountNumber: '', q: '', status: '', accountType: '', bpid: '', fein: '', invoiceMethod: '', district: '',
  createdFrom: '', createdTo: '', insuranceType: '', policyNumber: '', policyExpiresFrom: '', policyExpiresTo: '',
  agreementType: '', agreementNumber: '', agreementExpiresFrom: '', agreementExpiresTo: '', securityNumber: '',
  securityExpiresFrom: '', securityExpiresTo: '',
};

/** Results shown per kind of account; more are reached through the lists. */
export const PER_KIND = 25;
/** Records read per related query (the API's page limit). */
export const RELATED_LIMIT = 1000;
/** Ids per request, so that no URL grows past the server's header limit. */
export const ID_CHUNK = 100;

export type Filter = Record<string, unknown>;

export interface Step {
  /** What was looked at, in words: "Insurance", "Customer accounts", … */
  label: string;
  resource: string;
  filter: Filter;
  /** How many matched (the API's total). */
  total: number;
  /** What the step contributed: "4 customer accounts", "12 shown". */
  outcome: string;
}

export interface ResultRow {
  resource: 'customers' | 'billing-accounts';
  record: RaRecord;
}

export interface SearchOutcome {
  rows: ResultRow[];
  steps: Step[];
  notes: string[];
  customers: { filter: Filter; total: number; listable: boolean } | null;
  billing: { filter: Filter; total: number; listable: boolean } | null;
}

export function endOfDay(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59.999Z` : value;
}

function compact(filter: Record<string, string | undefined>): Filter {
  const out: Filter = {};
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v.trim() !== '') out[k] = v.trim();
  return out;
}

/** Criteria that both kinds of account take. */
export function commonFilter(c: Criteria): Filter {
  return compact({
    q: c.q,
    accountNumber: c.accountNumber.replace(/[\s-]/g, ''),
    status: c.status,
    district: c.district,
    createdAt_gte: c.createdFrom,
    createdAt_lte: c.createdTo ? endOfDay(c.createdTo) : '',
  });
}

/** Criteria only a customer account has. */
export function customerOnlyFilter(c: Criteria): Filter {
  return compact({ accountType: c.accountType, bpid: c.bpid, fein: c.fein });
}

export function billingOnlyFilter(c: Criteria): Filter {
  return compact({ invoiceMethod: c.invoiceMethod });
}

export interface RelatedQuery {
  label: string;
  resource: 'insurance-policies' | 'agreements' | 'securities';
  filter: Filter;
}

export function relatedQueries(c: Criteria): RelatedQuery[] {
  const out: RelatedQuery[] = [];
  const insurance = compact({
    insuranceType: c.insuranceType,
    policyNumber: c.policyNumber,
    policyExpiresOn_gte: c.policyExpiresFrom,
    policyExpiresOn_lte: c.policyExpiresTo,
  });
  if (Object.keys(insurance).length) out.push({ label: 'Insurance', resource: 'insurance-policies', filter: insurance });
  const agreements = compact({
    agreementType: c.agreementType,
    agreementNumber: c.agreementNumber,
    expiresOn_gte: c.agreementExpiresFrom,
    expiresOn_lte: c.agreementExpiresTo,
  });
  if (Object.keys(agreements).length) out.push({ label: 'Agreements', resource: 'agreements', filter: agreements });
  const securities = compact({
    systemNumber: c.securityNumber,
    expiresOn_gte: c.securityExpiresFrom,
    expiresOn_lte: c.securityExpiresTo,
  });
  if (Object.keys(securities).length) out.push({ label: 'Securities', resource: 'securities', filter: securities });
  return out;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** A list restricted to ids (key: id or customerId), in chunks, merged; no request for no ids. */
async function listWithIds(
  dp: DataProvider,
  resource: string,
  filter: Filter,
  key: string,
  ids: (string | number)[] | null,
  perPage: number,
  sortField: string,
): Promise<{ data: RaRecord[]; total: number }> {
  const sort = { field: sortField, order: 'ASC' as const };
  if (ids === null) {
    const { data, total } = await dp.getList(resource, { filter, pagination: { page: 1, perPage }, sort });
    return { data, total: total ?? data.length };
  }
  if (ids.length === 0) return { data: [], total: 0 };
  const parts = await Promise.all(
    chunks(ids, ID_CHUNK).map((part) => dp.getList(resource, { filter: { ...filter, [key]: part }, pagination: { page: 1, perPage }, sort })),
  );
  return { data: parts.flatMap((p) => p.data), total: parts.reduce((n, p) => n + (p.total ?? p.data.length), 0) };
}

export function hasAnyCriterion(c: Criteria): boolean {
  return (
    Object.keys(commonFilter(c)).length + Object.keys(customerOnlyFilter(c)).length + Object.keys(billingOnlyFilter(c)).length +
      relatedQueries(c).length >
    0
  );
}

export async function runSearch(dp: DataProvider, c: Criteria): Promise<SearchOutcome> {
  const steps: Step[] = [];
  const notes: string[] = [];
  const common = commonFilter(c);
  const customerOnly = customerOnlyFilter(c);
  const billingOnly = billingOnlyFilter(c);
  const related = relatedQueries(c);

  // 1. Records under the customer: the customers that have matching ones (all criteria must hold).
  let relatedIds: (string | number)[] | null = null;
  for (const q of related) {
    const { data, total } = await dp.getList(q.resource, { filter: q.filter, pagination: { page: 1, perPage: RELATED_LIMIT }, sort: { field: 'id', order: 'ASC' } });
    const ids = [...new Set(data.map((r) => r.customerId).filter((id) => id !== null && id !== undefined))] as (string | number)[];
    const before = relatedIds === null ? null : new Set(relatedIds.map(String));
    const kept: (string | number)[] = before === null ? ids : ids.filter((id) => before.has(String(id)));
    relatedIds = kept;
    const records = q.resource === 'insurance-policies' ? 'policies' : q.resource;
    steps.push({ label: q.label, resource: q.resource, filter: q.filter, total: total ?? data.length, outcome: `${plural(total ?? data.length, 'record', records)} of ${plural(ids.length, 'customer account', 'customer accounts')}` });
    if ((total ?? 0) > data.length) notes.push(`${q.label}: only the first ${RELATED_LIMIT.toLocaleString('en-US')} matching records were used; narrow the ${q.label.toLowerCase()} criteria.`);
  }
  if (related.length > 1 && relatedIds) notes.push(`${plural(relatedIds.length, 'customer account has', 'customer accounts have')} records matching all of ${related.map((r) => r.label.toLowerCase()).join(', ')}.`);

  // 2. Customer accounts.
  let customers: SearchOutcome['customers'] = null;
  const rows: ResultRow[] = [];
  const wantCustomers = c.kind !== 'billing-accounts';
  if (wantCustomers && Object.keys(billingOnly).length) {
    notes.push('Customer accounts were not searched: the invoice method is a billing account’s. Choose “Billing accounts only” or clear the invoice method to include them.');
  } else if (wantCustomers) {
    const filter = { ...common, ...customerOnly };
    const { data, total } = await listWithIds(dp, 'customers', filter, 'id', relatedIds, PER_KIND, 'accountNumber');
    customers = { filter: relatedIds ? { ...filter, id: relatedIds } : filter, total, listable: relatedIds === null };
    rows.push(...data.map((record) => ({ resource: 'customers' as const, record })));
    steps.push({ label: 'Customer accounts', resource: 'customers', filter: customers.filter, total, outcome: plural(total, 'match', 'matches') });
  }

  // 3. Billing accounts; customer criteria apply to their customer account.
  let billing: SearchOutcome['billing'] = null;
  if (c.kind !== 'customers') {
    let parentIds: (string | number)[] | null = relatedIds;
    if (Object.keys(customerOnly).length) {
      const { data, total } = await listWithIds(dp, 'customers', customerOnly, 'id', relatedIds, RELATED_LIMIT, 'id');
      parentIds = data.map((r) => r.id);
      steps.push({ label: 'Customer accounts of the billing accounts', resource: 'customers', filter: customerOnly, total, outcome: plural(parentIds.length, 'customer account', 'customer accounts') });
      if (total > data.length) notes.push(`Billing accounts: only the billing accounts of the first ${RELATED_LIMIT.toLocaleString('en-US')} matching customer accounts were searched.`);
    }
    const filter = { ...common, ...billingOnly };
    const { data, total } = await listWithIds(dp, 'billing-accounts', filter, 'customerId', parentIds, PER_KIND, 'accountNumber');
    billing = { filter: parentIds ? { ...filter, customerId: parentIds } : filter, total, listable: parentIds === null };
    rows.push(...data.map((record) => ({ resource: 'billing-accounts' as const, record })));
    steps.push({ label: 'Billing accounts', resource: 'billing-accounts', filter: billing.filter, total, outcome: plural(total, 'match', 'matches') });
    if (parentIds !== null) notes.push('Billing accounts were matched through their customer account for the customer account criteria (type, BPID, FEIN, insurance, agreements, securities).');
  }

  rows.sort((a, b) => String(a.record.accountNumber ?? '').localeCompare(String(b.record.accountNumber ?? '')));
  return { rows, steps, notes, customers, billing };
}
