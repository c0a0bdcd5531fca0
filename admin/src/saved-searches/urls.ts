// Where a saved search opens: its list, with the filter and sort in react-admin's list URL
// parameters (filter, sort, order, page), so the list shows exactly what was saved.

export type SavedResource = 'customers' | 'billing-accounts';
export type SavedSort = [string, 'ASC' | 'DESC'] | null | undefined;

export const SAVED_RESOURCE_LABELS: Record<SavedResource, string> = {
  customers: 'Customer accounts',
  'billing-accounts': 'Billing accounts',
};

export function listUrl(resource: string, filter: Record<string, unknown>, sort: SavedSort): string {
  const params = new URLSearchParams({ filter: JSON.stringify(filter ?? {}), page: '1' });
  if (sort) {
    params.set('sort', sort[0]);
    params.set('order', sort[1]);
  }
  return `/${resource}?${params.toString()}`;
}

/** The filter without empty values, as a list's filter form may keep them. */
export function cleanFilter(filter: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out;
}

/** A saved search's sort as stored, when it is one. */
export function savedSort(record: Readonly<Record<string, unknown>>): SavedSort {
  return Array.isArray(record.sort) && record.sort.length === 2 ? (record.sort as [string, 'ASC' | 'DESC']) : null;
}

/** A saved search's filter as stored, or none. */
export function savedFilter(record: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return record.filter && typeof record.filter === 'object' ? (record.filter as Record<string, unknown>) : {};
}
