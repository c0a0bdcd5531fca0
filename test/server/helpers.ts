// Helpers of the HTTP tests: read the database directly, to check what a request really did
// (and that a refused one changed nothing).
import { BillingAccount, Customer, Event, InsurancePolicy, User } from '../../server/models';

type Plain = Record<string, unknown>;

const plain = (rows: { get(o: { plain: true }): unknown }[]): Plain[] => rows.map((r) => r.get({ plain: true }) as Plain);

/** Every row of the tables that requests change, in a stable order. */
export async function snapshot(): Promise<Record<string, Plain[]>> {
  const order: [string, string][] = [['id', 'ASC']];
  return {
    customers: plain(await Customer.findAll({ order })),
    billing: plain(await BillingAccount.findAll({ order })),
    insurance: plain(await InsurancePolicy.findAll({ order })),
    users: plain(await User.findAll({ order })),
    events: plain(await Event.findAll({ order })),
  };
}

export async function customerRow(id: number): Promise<Customer | null> {
  return Customer.findByPk(id);
}

export async function billingRow(id: number): Promise<BillingAccount | null> {
  return BillingAccount.findByPk(id);
}

export async function statusOf(kind: 'customers' | 'billing-accounts', id: number): Promise<string | undefined> {
  const row = kind === 'customers' ? await Customer.findByPk(id) : await BillingAccount.findByPk(id);
  return row?.status;
}

export async function eventsOf(entityType: string, entityId: number): Promise<Event[]> {
  return Event.findAll({ where: { entityType, entityId }, order: [['id', 'ASC']] });
}

export async function eventCount(): Promise<number> {
  return Event.count();
}
