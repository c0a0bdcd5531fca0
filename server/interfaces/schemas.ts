// The interface's schemas, once: the routes validate requests with them, the tests check every
// response against them, and the OpenAPI document is generated from them.
import { z } from 'zod';
import { ACCOUNT_STATUSES, ACCOUNT_TYPES, INVOICE_METHODS } from '../../config/vocabulary';

export const accountNumber = z.string().meta({ description: 'A 9-digit account number whose last digit is a Luhn check digit.', example: '100000016' });

// Fix: a 400 for bad parameters also names each field in `errors` (as every error of the API may),
// which the document refused (additionalProperties false): say so in the schema.
export const ErrorBody = z
  .object({
    message: z.string(),
    errors: z.record(z.string(), z.string()).optional().meta({ description: 'For a request that is not valid: a message per field or parameter.' }),
  })
  .meta({ id: 'Error' });

export const BillTo = z
  .object({
    accountNumber,
    status: z.enum(ACCOUNT_STATUSES).meta({ description: 'Only active accounts should be billed; others come back so that the caller can warn.' }),
    billingName: z.string(),
    address: z.object({
      line1: z.string().nullable(),
      line2: z.string().nullable(),
      city: z.string().nullable(),
      state: z.string().nullable(),
      zip: z.string().nullable(),
    }),
    contact: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }),
    invoiceMethod: z.enum(INVOICE_METHODS),
    invoiceEmails: z.array(z.string()),
    permitSystem: z.string(),
    customer: z.object({
      accountNumber,
      name: z.string(),
      accountType: z.enum(ACCOUNT_TYPES),
      status: z.enum(ACCOUNT_STATUSES),
      bpid: z.string().nullable(),
    }),
  })
  .meta({ id: 'BillTo', description: 'What a permit system prints in its "Bill To" block.' });

export const BillToList = z.array(BillTo).meta({ id: 'BillToList' });

export const SearchQuery = z.object({
  q: z.string().trim().max(200).optional().meta({ description: 'Part of the billing name, or an account number.' }),
  bpid: z.string().trim().max(20).optional(),
  accountType: z.enum(ACCOUNT_TYPES).optional(),
  status: z.enum(ACCOUNT_STATUSES).optional().meta({ description: 'Defaults to active.' }),
  limit: z.coerce.number().int().min(1).max(50).optional().meta({ description: 'At most 50 (the default).' }),
});

export const SecurityInForce = z.object({
  systemNumber: z.string().nullable(),
  securityType: z.enum(['bond', 'letter_of_credit']),
  issuerName: z.string().nullable(),
  amount: z.string().meta({ description: 'Dollars and cents, e.g. "250000.00".' }),
  effectiveOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
});

export const Securities = z
  .object({
    customer: z.object({ accountNumber, name: z.string(), status: z.enum(ACCOUNT_STATUSES) }),
    securities: z.array(SecurityInForce),
    blanketTotal: z.string().meta({ description: 'The sum of the blanket securities in force, in dollars and cents.' }),
  })
  .meta({ id: 'Securities' });

export const WorkReport = z
  .object({
    state: z.enum(['open', 'closed']),
    description: z.string().trim().max(500).optional(),
  })
  .meta({ id: 'WorkReport' });

export const WorkItemBody = z
  .object({
    accountNumber,
    externalId: z.string(),
    state: z.enum(['open', 'closed']),
    description: z.string().nullable(),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
    accountStatus: z.enum(ACCOUNT_STATUSES).meta({ description: 'The billing account\'s status after the report.' }),
  })
  .meta({ id: 'WorkItem' });

export const FeedQuery = z.object({
  after: z.string().regex(/^\d{1,15}$/, 'after is the cursor of the last page, a whole number.').optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

export const FeedEvent = z.object({
  id: z.number().int(),
  entityType: z.string(),
  entityId: z.number().int(),
  action: z.string(),
  accountNumber: z.string().nullable(),
  customerAccountNumber: z.string().nullable(),
  status: z.string().nullable(),
  at: z.string(),
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
});

export const FeedPage = z
  .object({
    events: z.array(FeedEvent),
    next: z.string().meta({ description: 'Pass as `after` to read on; the same cursor again when there is nothing newer yet.' }),
  })
  .meta({ id: 'EventsPage' });
