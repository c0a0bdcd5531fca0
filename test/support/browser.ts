// Real-browser journeys: the real server (built admin UI + API) on a fresh SQLite database,
// driven through Debian's Chromium with playwright-core.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadSettings } from '../../config/settings';
import type { Role } from '../../config/vocabulary';
import { createApp, DEFAULT_ADMIN_DIR } from '../../server/app';
import { hashPassword } from '../../server/auth/passwords';
import { User } from '../../server/models';
import { createTestDatabase, type TestDatabase } from './db';

export const PASSWORD = 'Browser-Password-42';

export const chromiumAvailable = process.env.CIMS_CHROMIUM_AVAILABLE === '1';
export const describeBrowser: jest.Describe = chromiumAvailable ? describe : describe.skip;

export interface BrowserRig {
  readonly base: string;
  readonly browser: Browser;
  user(username: string, roles: Role[], district?: string | null): Promise<User>;
  /** Screenshots of the pages still open, as test-results/NAME-N.png. */
  screenshots(name: string): Promise<void>;
  /** Closes every page signed in so far (each test starts afresh). */
  closePages(): Promise<void>;
  /** A new browser context signed in through the login page. */
  signIn(username: string): Promise<Page>;
  close(): Promise<void>;
}

export async function startBrowserRig(): Promise<BrowserRig> {
  const database: TestDatabase = await createTestDatabase();
  const app = createApp({ db: database.db, settings: loadSettings({ SESSION_SECRET: 'browser-secret-browser-secret' }), adminDir: DEFAULT_ADMIN_DIR });
  const server: Server = await new Promise((ok) => {
    const s = app.listen(0, '127.0.0.1', () => ok(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CIMS_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const hash = await hashPassword(PASSWORD);
  const pages: Page[] = [];
  return {
    async screenshots(name) {
      // What the browser showed, for the failure's report (test-results/ is not committed).
      mkdirSync('test-results', { recursive: true });
      for (const [i, p] of pages.filter((x) => !x.isClosed()).entries()) await p.screenshot({ path: `test-results/${name}-${i}.png`, fullPage: true }).catch(() => undefined);
    },
    async closePages() {
      for (const p of pages.splice(0)) await p.context().close().catch(() => undefined);
    },
    base,
    browser,
    user: (username, roles, district = null) => User.create({ username, fullName: `Test ${username}`, roles, district, passwordHash: hash }),
    async signIn(username) {
      const context = await browser.newContext({ baseURL: base, viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      pages.push(page);
      await page.goto('/#/login');
      await page.getByLabel(/username/i).fill(username);
      await page.getByLabel(/password/i).fill(PASSWORD);
      await page.getByRole('button', { name: /sign in/i }).click();
      await page.waitForURL((url) => !url.hash.startsWith('#/login'));
      return page;
    },
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(() => ok(undefined)));
      await database.drop();
    },
  };
}
