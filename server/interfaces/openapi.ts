// The OpenAPI 3.1 description of the interface, generated from the same zod schemas that validate
// its requests (./schemas.ts), so that the document cannot drift from what the server does.
import { z } from 'zod';
import { FeedQuery, SearchQuery } from './schemas';

type Json = Record<string, unknown>;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string, description: string) => ({ description, content: { 'application/json': { schema: ref(id) } } });
const error = (description: string) => json('Error', description);
const common = {
  401: error('No token, or an unknown or revoked one.'),
  429: { ...error('Too many requests from this client.'), headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait.' } } },
};
const numberParam = (name: string, what: string) => ({ name, in: 'path', required: true, description: `The ${what}'s 9-digit account number.`, schema: { type: 'string', pattern: '^\\d{9}$' } });

let cached: Json | null = null;

export function openApiDocument(): Json {
  cached ??= build();
  return cached;
}

function build(): Json {
  const { schemas } = z.toJSONSchema(z.globalRegistry, { uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, Json> };
  for (const s of Object.values(schemas)) {
    delete s.$schema;
    delete s.$id;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'CIMS interface for permit systems',
      version: '1.0.0',
      description: 'Billing accounts for "pay by billing account", blanket securities, work in process, and a change feed. Authenticate with the bearer token from `cims api-client add`.',
    },
    servers: [{ url: '/interfaces/v1' }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas },
    paths: {
      '/billing-accounts/{accountNumber}': {
        get: {
          summary: 'Look a billing account up by its number (the Bill To record)',
          parameters: [numberParam('accountNumber', 'billing account')],
          responses: { 200: json('BillTo', 'The Bill To record, whatever its status.'), 400: error('Not 9 digits, or the check digit is wrong.'), 404: error('No such billing account in this permit system.'), ...common },
        },
      },
      '/billing-accounts': {
        get: {
          summary: 'Search billing accounts (Active ones unless status says otherwise), at most 50, most relevant first',
          parameters: queryParameters(SearchQuery),
          responses: { 200: json('BillToList', 'Matching Bill To records.'), 400: error('A parameter is not valid.'), ...common },
        },
      },
      '/customers/{accountNumber}/securities': {
        get: {
          summary: 'The customer\'s blanket securities in force, and their total',
          parameters: [numberParam('accountNumber', 'customer account')],
          responses: { 200: json('Securities', 'Blanket securities in force.'), 400: error('Not 9 digits, or the check digit is wrong.'), 404: error('No such customer account.'), ...common },
        },
      },
      '/billing-accounts/{accountNumber}/work/{externalId}': {
        put: {
          summary: 'Report work in process (fees not yet invoiced) on a billing account; the same report twice changes nothing',
          parameters: [numberParam('accountNumber', 'billing account'), { name: 'externalId', in: 'path', required: true, description: 'The permit system\'s own id of the work, e.g. the permit application number.', schema: { type: 'string', pattern: '^[\\w.:-]{1,120}$' } }],
          requestBody: { required: true, content: { 'application/json': { schema: ref('WorkReport') } } },
          responses: { 200: json('WorkItem', 'The work item as it now stands.'), 400: error('The report is not valid.'), 404: error('No such billing account in this permit system.'), ...common },
        },
      },
      '/events': {
        get: {
          summary: 'Changes to accounts in commit order; pass the last page\'s `next` as `after`',
          parameters: queryParameters(FeedQuery),
          responses: { 200: json('EventsPage', 'The next events.'), 400: error('A parameter is not valid.'), ...common },
        },
      },
    },
  };
}

function queryParameters(schema: z.ZodObject): Json[] {
  const js = z.toJSONSchema(schema, { io: 'input' }) as { properties: Record<string, Json> };
  return Object.entries(js.properties).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: 'query', required: false, ...(description ? { description } : {}), schema: rest };
  });
}
