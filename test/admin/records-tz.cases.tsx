// Shared by records-tz-*.test.tsx, each of which sets process.env.TZ before anything is loaded:
// calendar days (YYYY-MM-DD) must show as stored, and be saved as stored, in every time zone.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RaRecord } from 'react-admin';
import { addDays, formatDateOnly, localToday, relativeDays } from '../../admin/src/records/dates';
import { customer, fakeDataProvider, MANAGER, renderAdmin, type Db } from './support/fakes';

const FIND = { timeout: 5000 };

function db(): Db {
  return {
    customers: [customer({ status: 'active' })],
    'billing-accounts': [],
    'insurance-policies': [
      { id: 1, customerId: 1, insuranceType: 'commercial', systemInsuranceId: null, carrier: 'Keystone Mutual', policyNumber: 'KM-1', policyExpiresOn: '2027-01-01', confirmationDueOn: '2027-04-30', version: 2 },
    ],
    securities: [
      { id: 1, customerId: 1, securityType: 'bond', systemNumber: 'B-100', issuerName: 'Penn Surety', amount: '10.00', effectiveOn: '2026-03-08', expiresOn: '2027-11-07', blanket: false, version: 1 },
    ],
    agreements: [
      { id: 1, customerId: 1, agreementType: 'Master utility agreement', agreementNumber: 'MUA-7', agreementStatus: 'active', effectiveOn: '2026-01-01', expiresOn: '2030-12-31', version: 1 },
    ],
    events: [],
  };
}

async function openTab(name: string) {
  const tab = await screen.findByRole('tab', { name }, FIND);
  await userEvent.click(tab);
  await waitFor(() => expect(tab).toHaveAttribute('aria-selected', 'true'));
  return screen.getByRole('tabpanel', { name });
}

export function dateCases(zone: string, expectedOffsetHours: number) {
  describe(`calendar days in ${zone}`, () => {
    jest.setTimeout(60000);

    it('runs in that zone, where a date-only string parsed as a Date would shift a day', () => {
      expect(process.env.TZ).toBe(zone);
      expect(new Date('2027-01-01T12:00:00Z').getTimezoneOffset()).toBe(expectedOffsetHours * 60);
      // The bug this guards against: midnight UTC is the evening before here.
      expect(new Date('2027-01-01').getDate()).toBe(31);
      expect(formatDateOnly('2027-01-01')).toBe('2027-01-01');
      expect(addDays('2027-03-13', 1)).toBe('2027-03-14');
      expect(addDays('2027-03-14', 1)).toBe('2027-03-15');
      expect(relativeDays(addDays(localToday(), 30), localToday())).toBe('In 30 days');
    });

    it('shows the stored days of insurance, securities and agreements', async () => {
      renderAdmin({ user: MANAGER, db: db(), path: '/customers/1/show' });
      await screen.findByLabelText('Customer account number 100000009', undefined, FIND);
      let panel = await openTab('Insurance');
      expect(await within(panel).findByText('2027-01-01', undefined, FIND)).toBeInTheDocument();
      expect(within(panel).getByText('2027-04-30')).toBeInTheDocument();
      expect(within(panel).queryByText('2026-12-31')).not.toBeInTheDocument();
      expect(within(panel).queryByText('2027-04-29')).not.toBeInTheDocument();
      panel = await openTab('Securities');
      expect(await within(panel).findByText('2026-03-08', undefined, FIND)).toBeInTheDocument();
      expect(within(panel).getByText('2027-11-07')).toBeInTheDocument();
      panel = await openTab('Agreements');
      expect(await within(panel).findByText('2026-01-01', undefined, FIND)).toBeInTheDocument();
      expect(within(panel).getByText('2030-12-31')).toBeInTheDocument();
    });

    it('opens the edit form on the stored days and saves them unchanged', async () => {
      const dataProvider = fakeDataProvider(db());
      renderAdmin({ user: MANAGER, dataProvider, path: '/customers/1/show/insurance' });
      const panel = await screen.findByRole('tabpanel', { name: 'Insurance' }, FIND);
      await userEvent.click(await within(panel).findByRole('button', { name: 'Edit insurance' }, FIND));
      const dialog = await screen.findByRole('dialog', { name: 'Edit insurance' }, FIND);
      await waitFor(() => expect(within(dialog).getByLabelText('Policy expires on')).toHaveValue('2027-01-01'));
      expect(within(dialog).getByLabelText('Confirmation due on')).toHaveValue('2027-04-30');
      fireEvent.change(within(dialog).getByLabelText('Policy expires on'), { target: { value: '2028-01-01' } });
      await userEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
      await waitFor(() => expect(dataProvider.update).toHaveBeenCalled());
      const data = dataProvider.update.mock.calls[0][1].data as RaRecord;
      expect(data.policyExpiresOn).toBe('2028-01-01');
      expect(data.confirmationDueOn).toBe('2027-04-30');
    });
  });
}
