/**
 * End-to-end harness: Debian's Chromium driven by playwright-core (never a downloaded browser), the
 * studio bundle in studio/dist (built here when missing or older than its sources), and a real server
 * on a fresh embedded store with the demo seed. Without /usr/bin/chromium the suites skip and say so.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { build } from 'vite';
import { describe, vi } from 'vitest';
import { startTestServer } from '../support/testServer';
import type { TestServer } from '../support/testServer';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STUDIO_DIST = path.join(REPO_ROOT, 'studio', 'dist');
const RESULTS_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');

// A browser next to the rest of the suite on two cores is slow: generous limits, never timing assertions.
vi.setConfig({ testTimeout: 120_000, expect: { poll: { timeout: 20_000, interval: 100 } } });

/** `describe` that skips, with a console line saying why, when Chromium is not installed. */
export function describeInBrowser(name: string, body: () => void): void {
  // CI sets this so a missing browser fails the run instead of skipping quietly.
  if (!HAS_CHROMIUM && process.env.MDM_REQUIRE_BROWSER_TESTS)
    throw new Error(`MDM_REQUIRE_BROWSER_TESTS is set but there is no Chromium at ${CHROMIUM_PATH}.`);
  if (!HAS_CHROMIUM) {
    console.warn(
      `[e2e] SKIPPED "${name}": no Chromium at ${CHROMIUM_PATH}. Install Debian's package (apt-get install chromium, as .ci/run does) or set CHROMIUM_PATH.`,
    );
  }
  describe.skipIf(!HAS_CHROMIUM)(name, body);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds studio/dist unless it is newer than every studio source file (`npm test` builds it first). */
export async function ensureStudioBuilt(): Promise<void> {
  const index = path.join(STUDIO_DIST, 'index.html');
  const sourcesChanged = Math.max(
    newestMtime(path.join(REPO_ROOT, 'studio', 'src')),
    statSync(path.join(REPO_ROOT, 'studio', 'index.html')).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sourcesChanged) return;
  await build({ configFile: path.join(REPO_ROOT, 'studio', 'vite.config.ts'), logLevel: 'error' });
}

export interface E2eEnvironment {
  server: TestServer;
  context: BrowserContext;
  close: () => Promise<void>;
}

/** Starts the seeded server (with extra `env` settings) and a headless Chromium with a fresh profile. */
export async function startEnvironment(options: { env?: Record<string, string> } = {}): Promise<E2eEnvironment> {
  await ensureStudioBuilt();
  const server = await startTestServer({ env: { MDM_SEED: 'true', ...options.env } });
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'mdm-e2e-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      viewport: { width: 1440, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    server,
    context,
    close: async () => {
      await context.close();
      await server.stop();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A new tab signed in with `key`; page errors fail loudly through `errors`. */
export async function signIn(env: E2eEnvironment, key: string): Promise<{ page: Page; errors: string[] }> {
  const page = await env.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${env.server.baseUrl}/`);
  await page.fill('input[type=password]', key);
  await page.click('button[type=submit]');
  await page.waitForSelector('.sidebar');
  return { page, errors };
}

/** Saves a full-window screenshot as test-results/e2e/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Saves a screenshot of one element (scrolled into view, whole element) as test-results/e2e/<name>.png. */
export async function screenshotOf(locator: Locator, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await locator.screenshot({ path: file });
  return file;
}

/** Texts of the Problems panel entries. */
export function problemTexts(page: Page): Promise<string[]> {
  return page.$$eval('.problems li', (items) => items.map((item) => item.textContent ?? ''));
}

/** The output pane's footer, e.g. "3 records · 0 failed · 40 ms". */
export function outputStatus(page: Page): Promise<string> {
  return page.$$eval('.pane-footer', (nodes) => nodes.map((node) => node.textContent ?? '').join(' | '));
}

/** Moves the cursor to the end of the expression editor. */
export async function focusExpressionEnd(page: Page): Promise<void> {
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('Control+End');
}
