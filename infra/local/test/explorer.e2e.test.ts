import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { tokenFor } from '@sc/testing';
import { useTestStack } from './test-stack';

/** Debian's chromium (`.ci/run` installs it), launched as DESIGN.md §8 says works here. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * A newcomer opens the gateway's URL in a browser with no network beyond
 * this machine: GraphiQL loads from the gateway alone, shows the README's
 * examples, takes a pasted token in its headers editor and runs a query.
 */
describe('the explorer at the gateway, in a real Chromium with the network blocked', () => {
  const stack = useTestStack({ explorer: true });
  let browser: BrowserContext;

  beforeAll(async () => {
    // A fresh profile: no stored GraphiQL tabs or headers from an earlier run.
    browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'sc-chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('loads offline, preloads the examples, and runs a query with a pasted token', async () => {
    const page = await browser.newPage();
    const blocked: string[] = [];
    await page.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      const local =
        ['127.0.0.1', 'localhost', '[::1]'].includes(host) ||
        route.request().url().startsWith('data:') ||
        route.request().url().startsWith('blob:');
      if (local) return route.continue();
      blocked.push(route.request().url());
      return route.abort();
    });
    const url = stack.gatewayUrl; // http://127.0.0.1:<port>/graphql
    const res = await page.goto(url);
    expect(res?.status()).toBe(200);
    expect(await page.title()).toContain('Социальный контракт');
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
    // The first tab is the first example.
    await page.waitForFunction(() => document.body.innerText.includes('urgentServiceCatalogue'), null, {
      timeout: 30_000,
    });

    const token = await tokenFor('SOCIAL_SERVICE');
    await page.getByText('Headers', { exact: true }).click();
    const headersEditor = page.locator('.graphiql-editor-tool .graphiql-editor').last();
    await headersEditor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${token}` }));
    await page.locator('.graphiql-execute-button').click();
    await page.waitForFunction(
      () => document.querySelector('.graphiql-response')?.textContent?.includes('"code"'),
      null,
      { timeout: 30_000 },
    );
    const response = (await page.locator('.graphiql-response').textContent()) ?? '';
    expect(response).toContain('"urgentServiceCatalogue"');
    expect(response).not.toContain('UNAUTHENTICATED');
    expect(blocked).toEqual([]);
  }, 120_000);
});
