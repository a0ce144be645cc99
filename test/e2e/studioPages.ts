/**
 * Every page of the studio, as hash routes on a seeded server: the list the every-width test walks and
 * the screenshot script photographs. Ids (a task, an exception, a golden record, a subscription) are
 * read from the server, so the list follows the seed.
 */
import type { Page } from 'playwright-core';
import type { E2eEnvironment } from './harness';

export interface StudioPage {
  /** File-name friendly, e.g. `golden-record`. */
  name: string;
  hash: string;
  /** A selector that is visible once the page has its content. */
  ready: string;
}

async function firstId(env: E2eEnvironment, path: string): Promise<string> {
  const response = await env.server.request<{ items: Array<{ id: string }> }>('GET', path);
  const id = response.body.items?.[0]?.id;
  if (response.status !== 200 || id === undefined)
    throw new Error(`No id from GET ${path}: ${response.status} ${response.text.slice(0, 300)}`);
  return id;
}

/** Creates what a page needs that the seed lacks (a subscription), then lists every page. */
export async function studioPages(env: E2eEnvironment): Promise<StudioPage[]> {
  const taskId = await firstId(env, '/api/v1/tasks?status=open&type=potential-match&limit=1');
  const exceptionId = await firstId(env, '/api/v1/exceptions?status=open&limit=1');
  const goldenId = await firstId(env, '/api/v1/golden/supplier?status=active&limit=1');
  const existing = await env.server.request<{ items: Array<{ id: string }> }>('GET', '/api/v1/subscriptions');
  let subscriptionId = existing.body.items?.[0]?.id;
  if (subscriptionId === undefined) {
    const created = await env.server.request<{ id: string }>('POST', '/api/v1/subscriptions', {
      body: {
        name: 'ERP item feed (screenshots)',
        domains: ['item'],
        transport: { type: 'webhook', url: 'https://erp.example.com/erp-hook' },
      },
    });
    if (created.status !== 201) throw new Error(`Creating a subscription failed: ${created.status} ${created.text.slice(0, 300)}`);
    subscriptionId = created.body.id;
  }
  return [
    { name: 'dashboard', hash: '#/', ready: '.chart-grid svg' },
    { name: 'mappings', hash: '#/mappings', ready: 'table[aria-label="Mappings"] tbody tr' },
    { name: 'mapping-editor', hash: '#/mappings/edit/workday/supplier', ready: '.monaco-editor' },
    { name: 'mapping-workbench', hash: '#/mappings/workbench', ready: '.monaco-editor' },
    { name: 'lookups', hash: '#/mappings/lookups', ready: '.page h1' },
    { name: 'inbox', hash: '#/inbox', ready: '.page h1' },
    { name: 'inbox-task', hash: `#/inbox/${encodeURIComponent(taskId)}`, ready: '.compare-table, .detail h2' },
    { name: 'golden-search', hash: '#/golden/supplier', ready: '.result-list li a' },
    { name: 'golden-record', hash: `#/golden/supplier/${encodeURIComponent(goldenId)}`, ready: 'table[aria-label="Attributes"]' },
    { name: 'exceptions', hash: '#/exceptions?status=open', ready: '.page h1' },
    { name: 'exception-detail', hash: `#/exceptions?status=open&id=${encodeURIComponent(exceptionId)}`, ready: '.detail, .split-detail' },
    { name: 'rules', hash: '#/rules/supplier', ready: '.monaco-editor' },
    { name: 'alias-tables', hash: '#/rules/aliases', ready: '[data-testid="alias-tables"]' },
    { name: 'jobs', hash: '#/jobs', ready: '.page h1' },
    { name: 'sync', hash: '#/sync', ready: 'table[aria-label="Subscriptions"]' },
    { name: 'sync-subscription', hash: `#/sync/${encodeURIComponent(subscriptionId)}`, ready: '[data-testid="subscription-status"]' },
    { name: 'sync-new', hash: '#/sync/new', ready: 'form[aria-label="New subscription"]' },
  ];
}

/** Opens a page and waits for its content and for pending requests to settle. */
export async function openStudioPage(page: Page, studioPage: StudioPage): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, studioPage.hash);
  await page.locator(studioPage.ready).first().waitFor({ state: 'visible' });
  await page.waitForLoadState('networkidle');
  await page.locator('text=Loading…').first().waitFor({ state: 'hidden' });
}

export interface LayoutProblems {
  /** scrollWidth beyond the window, of the document and of the main content area. */
  overflow: string[];
  /** Pairs of key controls whose boxes overlap. */
  overlaps: string[];
  /** Table cells showing one word per line (three or more words). */
  squeezedCells: string[];
}

/** Measures the page's layout in the browser: horizontal overflow, overlapping labels, squeezed table cells. */
export function layoutProblems(page: Page): Promise<LayoutProblems> {
  return page.evaluate(() => {
    const overflow: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth) overflow.push(`document is ${root.scrollWidth}px wide in a ${window.innerWidth}px window`);
    // Name the innermost elements that stick out of a container, so the message says what to fix.
    const culpritsOf = (container: Element): string => {
      const right = container.getBoundingClientRect().right;
      return [...container.querySelectorAll('*')]
        .filter(
          (element) => element.getBoundingClientRect().right > right + 1 && element.closest('.table-scroll, .monaco-editor, pre') === null,
        )
        .filter((element) => ![...element.children].some((child) => child.getBoundingClientRect().right > right + 1))
        .slice(0, 3)
        .map(
          (element) =>
            `${element.tagName.toLowerCase()}.${typeof element.className === 'string' ? element.className.split(' ')[0] : ''} (${(element.textContent ?? '').trim().slice(0, 30)})`,
        )
        .join(', ');
    };
    const main = document.querySelector('main.content');
    if (main !== null && main.scrollWidth > main.clientWidth + 1)
      overflow.push(`the page content is ${main.scrollWidth}px wide in its ${main.clientWidth}px area: ${culpritsOf(main)}`);
    // Panels that scroll on their own (a task's detail pane, a record's panel) must not scroll sideways: it moves the
    // header and hides a column of a comparison. Tables, figures, code and editors may (a phone shows a wide table
    // that way), and so may a wrapper whose child is a table, a sample's value tree, and on a phone a card (the last
    // resort of the phone layout: what does not fit scrolls inside its card).
    const sidewaysScrollers = `table, figure, pre, textarea, .table-scroll, .monaco-editor, .verify-result, .sample-tree${window.innerWidth <= 700 ? ', .card' : ''}`;
    for (const element of main?.querySelectorAll('*') ?? []) {
      if (element.closest(sidewaysScrollers) !== null || [...element.children].some((child) => child.tagName === 'TABLE')) continue;
      const style = getComputedStyle(element);
      if (!['auto', 'scroll'].includes(style.overflowX)) continue;
      if (element.scrollWidth > element.clientWidth + 1)
        overflow.push(
          `${element.tagName.toLowerCase()}.${typeof element.className === 'string' ? element.className.split(' ')[0] : ''} scrolls sideways (${element.scrollWidth}px in ${element.clientWidth}px): ${culpritsOf(element)}`,
        );
    }

    const describe = (element: Element): string => {
      const text = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? `.${element.className.split(' ')[0]}` : ''} "${text}"`;
    };
    const isVisible = (element: Element): boolean => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    // Key controls: headings, tabs, buttons, links, labels and fields of headers, toolbars, navigation and forms.
    const containers =
      '.sidebar-top, .page-header, .toolbar, .tabs, .search-bar, .header-controls, .inline-form, .attention, .stat-grid, .pane-header';
    const controls = [...document.querySelectorAll(containers)].flatMap((container) => [
      ...container.querySelectorAll('h1, h2, button, a, label, select, input, [role=tab]'),
    ]);
    const unique = [...new Set(controls)].filter(isVisible);
    const overlaps: string[] = [];
    for (let i = 0; i < unique.length; i += 1) {
      for (let j = i + 1; j < unique.length; j += 1) {
        const a = unique[i];
        const b = unique[j];
        if (a === undefined || b === undefined) continue;
        if (a.contains(b) || b.contains(a)) continue;
        const boxA = a.getBoundingClientRect();
        const boxB = b.getBoundingClientRect();
        const width = Math.min(boxA.right, boxB.right) - Math.max(boxA.left, boxB.left);
        const height = Math.min(boxA.bottom, boxB.bottom) - Math.max(boxA.top, boxB.top);
        // More than a hairline: borders of adjacent controls may touch.
        if (width > 2 && height > 2) overlaps.push(`${describe(a)} overlaps ${describe(b)}`);
      }
    }

    const squeezedCells: string[] = [];
    for (const cell of document.querySelectorAll('table th, table td')) {
      if (!isVisible(cell) || cell.closest('details:not([open])') !== null) continue;
      const words = (cell.textContent ?? '')
        .trim()
        .split(/\s+/)
        .filter((word) => word !== '');
      if (words.length < 3) continue;
      // Lines the text actually occupies (distinct line tops), whatever the height of the row.
      const range = document.createRange();
      range.selectNodeContents(cell);
      const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top))).size;
      // One word per line: a column too narrow for its text (wide cells of unspaced text such as JSON are not meant).
      if (lines >= words.length && cell.getBoundingClientRect().width < 140)
        squeezedCells.push(`${describe(cell)}: ${words.length} words on ${lines} lines`);
    }
    return { overflow, overlaps, squeezedCells };
  });
}
