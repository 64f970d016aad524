import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** The app under test; CI starts `next start` on its own PGlite directory and sets this. */
export const BASE_URL = (process.env.E2E_BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Debian's chromium in a closed network: these flags stop it reaching out (ARCHITECTURE.md §8).
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run \`apt-get install -y chromium\`.`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/** A fresh context per test: its own cookies, so tests never share a session. */
export async function newPage(
  browser: Browser,
  options: { width?: number } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    viewport: { width: options.width ?? 1280, height: 900 },
    locale: 'az-AZ',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { context, page };
}

/** Fails fast with a readable message when no server is running. */
export async function assertServerUp(): Promise<void> {
  try {
    const response = await fetch(`${BASE_URL}/api/health`);
    if (!response.ok) throw new Error(`health answered ${response.status}`);
  } catch (error) {
    throw new Error(
      `No Hesabat server at ${BASE_URL} (${(error as Error).message}). Start one (npm run build && npm start) or set E2E_BASE_URL.`,
    );
  }
}
