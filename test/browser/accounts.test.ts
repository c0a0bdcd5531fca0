// Journeys through the built admin UI in Chromium, on the real server: an Account Manager creates
// a customer with its insurance certificate, insurance and two billing accounts, an Authorizer
// checks the certificate and activates it, a District viewer finds it read-only, and a billing
// account moves to a buyer.
import type { Page } from 'playwright-core';
import { describeBrowser, startBrowserRig, type BrowserRig } from '../support/browser';

const ACCOUNT_NUMBER = /\b\d{9}\b/;

describeBrowser('account journeys in Chromium', () => {
  let rig: BrowserRig;
  let customerUrl = '';
  const billingUrls: string[] = [];
  const billingNumbers: string[] = [];

  beforeAll(async () => {
    rig = await startBrowserRig();
    await rig.user('manager', ['account_manager']);
    await rig.user('authorizer', ['authorizer']);
    await rig.user('district', ['district_viewer'], '11-0');
  }, 60_000);
  afterAll(() => rig?.close());
  afterEach(async () => {
    await rig.screenshots(String(expect.getState().currentTestName).replace(/\W+/g, '-').slice(0, 60));
    await rig.closePages();
  });

  async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
    // A select's accessible name is its label (with " *" when required) and its current value.
    await page.getByRole('combobox', { name: new RegExp(`^${label}`) }).click();
    await page.getByRole('option', { name: option }).click();
  }

  async function accountNumberOn(page: Page): Promise<string> {
    // The heading names itself "Customer account number 100000009" for screen readers.
    const text = await page.getByLabel(/account number \d{9}$/).first().textContent({ timeout: 15_000 });
    const m = ACCOUNT_NUMBER.exec(text ?? '');
    if (!m) throw new Error(`no account number on ${page.url()}: ${text}`);
    return m[0];
  }

  it('an Account Manager creates a customer, uploads its insurance certificate, adds insurance and two billing accounts, sees their numbers, and submits it', async () => {
    const page = await rig.signIn('manager');
    await page.goto('/#/customers/create');
    await page.getByLabel('Customer name').fill('Monongahela Fiber Networks');
    await page.getByLabel('Address line 1').first().fill('200 Ridge Rd');
    await page.getByLabel('City').first().fill('Bridgeville');
    await choose(page, 'State', 'PA');
    await page.getByLabel('ZIP code').first().fill('15017');
    await page.getByLabel('Phone', { exact: true }).fill('412-555-0142');
    await page.getByLabel('Email', { exact: true }).fill('accounts@monfiber.example.com');
    await page.getByLabel('Federal Employer ID (FEIN)').fill('25-7654321');
    await page.getByLabel('Business Partner ID (BPID)').fill('BP424242');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/customers\/\d+\/show/);
    customerUrl = new URL(page.url()).hash;
    const customerNumber = await accountNumberOn(page);

    // The Authorizer checks the certificate before activating: upload it with the account.
    await page.getByRole('tab', { name: 'Attachments' }).click();
    await page.getByRole('button', { name: 'Upload a document' }).click();
    const upload = page.getByRole('dialog', { name: 'Upload a document' });
    await upload.getByRole('combobox', { name: /^Document type/ }).click();
    await page.getByRole('option', { name: 'Certificate of insurance' }).click();
    await upload.getByLabel('Description').fill('Certificate 2026–2027 from the carrier');
    await upload.getByLabel('File').setInputFiles({ name: 'Zertifikat_Straße_2026.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n% certificate of insurance\n') });
    await upload.getByRole('button', { name: 'Upload' }).click();
    await upload.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: 'Zertifikat_Straße_2026.pdf' }).waitFor();

    await page.getByRole('tab', { name: 'Insurance' }).click();
    await page.getByRole('button', { name: 'Add insurance' }).click();
    const insurance = page.getByRole('dialog', { name: 'Add insurance' });
    await choose(page, 'Insurance type', 'Commercial');
    await insurance.getByLabel('Carrier').fill('Keystone Mutual Insurance');
    await insurance.getByLabel('Policy number').fill('P-2026-77');
    await insurance.getByLabel('Policy expires on').fill('2099-12-31');
    await insurance.getByLabel('Confirmation due on').fill('2099-04-30');
    await insurance.getByRole('button', { name: 'Save' }).click();
    await insurance.waitFor({ state: 'hidden' });
    await page.getByText('In force', { exact: true }).waitFor();

    for (const [region, district] of [['North', /District 11-0/], ['South', /District 12-0/]] as const) {
      await page.goto(`/${customerUrl}`);
      await page.getByRole('link', { name: 'Create billing account' }).click();
      await page.waitForURL(/#\/billing-accounts\/create/);
      await page.getByRole('button', { name: /copy from customer/i }).click();
      // The copy arrives from the server; the billing name is typed only after it, or it would be overwritten.
      await page.waitForFunction(() => (document.querySelector('input[name="city"]') as HTMLInputElement | null)?.value === 'Bridgeville');
      await page.getByLabel('Billing name').fill(`Monongahela Fiber — ${region}`);
      await page.getByLabel('Primary invoice email').fill(`ap-${region.toLowerCase()}@monfiber.example.com`);
      await page.getByLabel('Districts served').click();
      await page.getByRole('option', { name: district }).click();
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/#\/billing-accounts\/\d+\/show/);
      billingUrls.push(new URL(page.url()).hash);
      const number = await accountNumberOn(page);
      expect(number).not.toBe(customerNumber);
      billingNumbers.push(number);
    }
    expect(new Set(billingNumbers).size).toBe(2);

    await page.goto(`/${customerUrl}`);
    await page.getByRole('tab', { name: 'Billing accounts' }).click();
    for (const n of billingNumbers) await page.getByRole('cell', { name: n }).first().waitFor();
    await page.getByRole('button', { name: 'Submit for authorization' }).click();
    await page.getByText(/waiting for authorization/i).first().waitFor();
    // Four eyes: the one who submitted is offered no Activate.
    expect(await page.getByRole('button', { name: 'Activate' }).count()).toBe(0);
  }, 120_000);

  it('an Authorizer finds it in the queue and activates it and its billing accounts', async () => {
    const page = await rig.signIn('authorizer');
    await page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Monongahela Fiber Networks', exact: true }) }).getByRole('link').click();
    await page.waitForURL(/#\/customers\/\d+\/show/);
    // The certificate is there to check, and downloads with its name.
    await page.getByRole('tab', { name: 'Attachments' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Zertifikat_Straße_2026.pdf' }).click();
    expect((await download).suggestedFilename()).toBe('Zertifikat_Straße_2026.pdf');
    await page.getByRole('button', { name: 'Activate' }).click();
    await page.getByRole('group', { name: 'Account actions' }).getByRole('button', { name: 'Suspend' }).count();
    await page.getByText('Active', { exact: true }).first().waitFor();
    for (const url of billingUrls) {
      await page.goto(`/${url}`);
      await page.getByRole('button', { name: 'Activate' }).click();
      await page.getByText('Active', { exact: true }).first().waitFor();
      expect(await page.getByRole('button', { name: 'Activate' }).count()).toBe(0);
    }
  }, 120_000);

  it('a District viewer finds it in their district, read-only, with the FEIN masked', async () => {
    const page = await rig.signIn('district');
    await page.goto('/#/customers');
    await page.getByText('Monongahela Fiber Networks').first().click();
    await page.waitForURL(/#\/customers\/\d+\/show/);
    await page.getByText('**-***4321').first().waitFor();
    expect(await page.getByText('25-7654321').count()).toBe(0);
    for (const name of ['Edit', 'Submit for authorization', 'Suspend', 'Inactivate', 'Delete', 'Create billing account', 'Reassign billing accounts']) {
      expect(await page.getByRole('button', { name }).count() + await page.getByRole('link', { name }).count()).toBe(0);
    }
  }, 60_000);

  it('an Account Manager moves one billing account to a buyer; it keeps its number', async () => {
    const page = await rig.signIn('manager');
    const buyer = await page.request.post('/api/customers', { data: { name: 'Allegheny Ridge Power', accountType: 'utility' } });
    expect(buyer.status()).toBe(201);
    await page.goto(`/${customerUrl}`);
    await page.getByRole('button', { name: 'Reassign billing accounts' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reassign billing accounts' });
    await dialog.getByLabel(new RegExp(billingNumbers[1])).check();
    await dialog.getByLabel("Buyer's customer account (name or number)").fill('Allegheny');
    await page.getByRole('option', { name: /Allegheny Ridge Power/ }).click();
    await dialog.getByLabel('Reason').fill('Sale of the southern region');
    await dialog.getByRole('button', { name: 'Move billing accounts' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.goto(`/${billingUrls[1]}`);
    await page.getByText('Allegheny Ridge Power').first().waitFor();
    expect(await accountNumberOn(page)).toBe(billingNumbers[1]);
  }, 90_000);
});
