// A billing account as a permit system sees it: the "Bill To" block.
import { Op } from 'sequelize';
import type { z } from 'zod';
import type { AccountStatus, AccountType, InvoiceMethod } from '../../config/vocabulary';
import { BillingAccount, Contact, Customer } from '../models';
import type { BillTo } from './schemas';

export type BillToRecord = z.infer<typeof BillTo>;

export async function toBillTo(rows: BillingAccount[]): Promise<BillToRecord[]> {
  if (!rows.length) return [];
  const customers = await Customer.findAll({ where: { id: { [Op.in]: [...new Set(rows.map((r) => r.customerId))] } } });
  const byId = new Map(customers.map((c) => [c.id, c]));
  const contacts = await Contact.findAll({
    where: { [Op.or]: [{ billingAccountId: { [Op.in]: rows.map((r) => r.id) } }, { customerId: { [Op.in]: customers.map((c) => c.id) } }] },
    order: [['isPrimary', 'DESC'], ['id', 'ASC']],
  });
  return rows.map((b) => {
    const c = byId.get(b.customerId)!;
    // The billing account's own primary contact, else the customer's.
    const contact = contacts.find((x) => x.billingAccountId === b.id) ?? contacts.find((x) => x.customerId === c.id);
    return {
      accountNumber: b.accountNumber,
      status: b.status as AccountStatus,
      billingName: b.billingName,
      address: { line1: b.addressLine1, line2: b.addressLine2, city: b.city, state: b.state, zip: b.zip },
      contact: { name: contact?.name ?? null, email: contact?.email ?? null, phone: contact?.phone ?? null },
      invoiceMethod: b.invoiceMethod as InvoiceMethod,
      invoiceEmails: [b.invoiceEmailPrimary, b.invoiceEmailSecondary].filter((e): e is string => Boolean(e)),
      permitSystem: b.permitSystem,
      customer: { accountNumber: c.accountNumber, name: c.name, accountType: c.accountType as AccountType, status: c.status as AccountStatus, bpid: c.bpid },
    };
  });
}
