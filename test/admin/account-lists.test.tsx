// The customer and billing account lists build their filters from one catalogue; each list keeps
// its own search box and its filters in the order its Filter button has always listed them.
import { billingAccountFilters } from '../../admin/src/billing-accounts/BillingAccountList';
import { customerFilters } from '../../admin/src/customers/CustomerList';

interface FilterProps {
  source: string;
  label?: string;
  alwaysOn?: boolean;
  placeholder?: string;
  slotProps?: { htmlInput?: Record<string, string> };
}

const shown = (filters: { props: unknown }[]) =>
  filters.map((f) => {
    const p = f.props as FilterProps;
    return p.alwaysOn ? [p.source, p.placeholder, p.slotProps?.htmlInput?.['aria-label']] : [p.source, p.label];
  });

describe('account list filters', () => {
  it('customer accounts: search by name, number, FEIN or BPID, then status, type, district, authorization', () => {
    expect(shown(customerFilters)).toEqual([
      ['q', 'Name, number, FEIN or BPID', 'Search customer accounts'],
      ['status', 'Status'],
      ['accountType', 'Account type'],
      ['district', 'District served'],
      ['submitted', 'Authorization'],
    ]);
  });

  it('billing accounts: search by billing name or number, then status, district, invoice method, permit system, authorization', () => {
    expect(shown(billingAccountFilters)).toEqual([
      ['q', 'Billing name or number', 'Search billing accounts'],
      ['status', 'Status'],
      ['district', 'District served'],
      ['invoiceMethod', 'Invoice method'],
      ['permitSystem', 'Permit system'],
      ['submitted', 'Authorization'],
    ]);
  });
});
