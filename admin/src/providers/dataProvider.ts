// The stock ra-data-simple-rest provider on the same-origin API, plus the domain's own calls:
// lifecycle actions and reassignment. getMany is split into chunks so that no URL grows past the
// server's header limit however many ids a page references.
import { fetchUtils, type DataProvider, type GetManyParams, type GetManyResult, type Identifier, type RaRecord } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import type { AccountAction } from '../../../config/vocabulary';

export const API_URL = '/api';
export const GET_MANY_CHUNK = 100;

export const httpClient = (url: string, options: fetchUtils.Options = {}) =>
  fetchUtils.fetchJson(url, { ...options, credentials: 'same-origin' });

export type AccountResource = 'customers' | 'billing-accounts';

export interface ReassignParams {
  ids: Identifier[];
  customerId: Identifier;
  reason: string;
}

export interface WorkInProcess {
  permitSystem: string;
  externalId: string;
  description: string | null;
  openedAt: string;
}
export type PreviewRecord = RaRecord & { movable: boolean; why: string | null; workInProcess: WorkInProcess[] };

export interface CimsDataProvider extends DataProvider {
  action(resource: AccountResource, id: Identifier, action: AccountAction, body?: { reason?: string }): Promise<{ data: RaRecord }>;
  reassign(params: ReassignParams): Promise<{ data: RaRecord[] }>;
  reassignPreview(ids: Identifier[]): Promise<{ data: PreviewRecord[] }>;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type HttpClient = typeof httpClient;

export function buildDataProvider(apiUrl: string = API_URL, client: HttpClient = httpClient): CimsDataProvider {
  const base = simpleRestProvider(apiUrl, client);
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const { json } = await client(`${apiUrl}${path}`, { method: 'POST', body: JSON.stringify(body ?? {}) });
    return json as T;
  };
  return {
    ...base,
    getMany: async <R extends RaRecord = RaRecord>(resource: string, params: GetManyParams<R>): Promise<GetManyResult<R>> => {
      const ids = [...new Set(params.ids)];
      if (ids.length <= GET_MANY_CHUNK) return base.getMany<R>(resource, { ...params, ids });
      const parts = await Promise.all(chunk(ids, GET_MANY_CHUNK).map((part) => base.getMany<R>(resource, { ...params, ids: part })));
      return { data: parts.flatMap((p) => p.data) };
    },
    action: async (resource, id, action, body) => ({
      data: await post<RaRecord>(`/${resource}/${encodeURIComponent(String(id))}/${action}`, body ?? {}),
    }),
    reassign: async ({ ids, customerId, reason }) => ({
      data: await post<RaRecord[]>('/billing-accounts/reassign', { ids, customerId, reason }),
    }),
    reassignPreview: async (ids) => {
      const { json } = await client(`${apiUrl}/billing-accounts/reassign/preview?ids=${encodeURIComponent(JSON.stringify(ids))}`);
      return { data: json as PreviewRecord[] };
    },
  };
}

export const dataProvider = buildDataProvider();
