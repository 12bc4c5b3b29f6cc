#!/usr/bin/env node
// Takes the README's screenshots of the explorer: `npm run screenshots` (builds first).
//
// Starts the built server (dist/src/main.js) on the embedded store in a temporary DATA_DIR, which
// it seeds from seed/, drives Debian's Chromium (/usr/bin/chromium) with playwright-core through
// the views a journalist uses, and writes docs/screenshots/*.png: six views at 1280x800 and one
// page on a 390 px phone. Nothing is fetched from anywhere but that server; a console error or an
// off-origin request fails the run, so the pictures show the explorer as it works.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'docs', 'screenshots');
const CHROMIUM = '/usr/bin/chromium';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const MEETING = /^Concluding meeting of the Consultative and Advisory Body/;

function fail(message) {
  console.error(`screenshots: ${message}`);
  process.exit(1);
}

try {
  accessSync(CHROMIUM, constants.X_OK);
} catch {
  fail(`Chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\``);
}
for (const built of ['dist/src/main.js', 'dist/explorer/manifest.json']) {
  if (!existsSync(join(root, built))) fail(`${built} is missing: run \`npm run build\` first (\`npm run screenshots\` does)`);
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The built server on the seed graph; resolves once /ready answers. */
async function startServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'rightsgraph-screenshots-'));
  const port = await freePort();
  const env = { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', NEO4J_URI: '' };
  const child = spawn(process.execPath, [join(root, 'dist', 'src', 'main.js')], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${String(port)}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) fail(`the server exited with code ${String(child.exitCode)} before it was ready`);
    try {
      if ((await fetch(`${url}/ready`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      fail('the server was not ready within 60 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A page that refuses other origins and remembers console errors and off-origin requests. */
async function openPage(browser, origin, viewport) {
  const context = await browser.newContext({ viewport });
  const problems = [];
  await context.route(
    (url) => !/^(data|blob):/.test(url.href) && url.origin !== origin,
    (route) => {
      problems.push(`off-origin request: ${route.request().url()}`);
      return route.abort('internetdisconnected');
    },
  );
  const page = await context.newPage();
  page.on('console', (message) => message.type() === 'error' && problems.push(`console error: ${message.text()}`));
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return { page, problems, close: () => context.close() };
}

const heading = (page, name) => page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 20_000 });
/** Until no request for half a second and no "Loading …" left on the page. */
async function settled(page) {
  await page.waitForLoadState('networkidle');
  // Runs in the page, hence globalThis for its document.
  await page.waitForFunction(() => ![...globalThis.document.querySelectorAll('[role="status"]')].some((el) => /^Loading /.test(el.textContent ?? '')));
}
/** Gives the force-directed layout of a drawing time to come to rest. */
const layout = (page) => page.waitForTimeout(2_500);

const written = [];
async function shoot(page, name) {
  const path = join(outDir, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  written.push(relative(root, path));
}

const VIEWS = [
  {
    name: 'search',
    async show(page, url) {
      await page.goto(url);
      await heading(page, 'Who did what, and where it says so');
      await settled(page);
      const field = page.getByRole('combobox', { name: 'Search', exact: true });
      await field.click();
      await field.pressSequentially('human rights', { delay: 30 });
      await page.getByRole('option', { name: /^Office of the United Nations High Commissioner for Human Rights/ }).waitFor();
    },
  },
  {
    name: 'entity',
    async show(page, url) {
      await page.goto(`${url}/entity/roman-vassilenko`);
      await heading(page, 'Roman Vassilenko');
      await settled(page);
    },
  },
  {
    name: 'event',
    async show(page, url) {
      await page.goto(`${url}/entity/dphd-cab-concluding-meeting-2023?tab=participants`);
      await heading(page, MEETING);
      await settled(page);
    },
  },
  {
    name: 'source',
    async show(page, url) {
      // As a reader gets there: the quote under "Chaired" on his page, followed to its source.
      await page.goto(`${url}/entity/roman-vassilenko`);
      await heading(page, 'Roman Vassilenko');
      await page.getByRole('region', { name: /^Chaired/ }).getByRole('blockquote').getByRole('link').click();
      await heading(page, /^Kazakh MFA press release/);
      await settled(page);
    },
  },
  {
    name: 'network',
    async show(page, url) {
      await page.goto(`${url}/network/roman-vassilenko?expand=dphd-cab-concluding-meeting-2023`);
      await heading(page, 'Network of Roman Vassilenko');
      await settled(page);
      await layout(page);
    },
  },
  {
    name: 'path',
    async show(page, url) {
      await page.goto(`${url}/path?from=ohchr&to=b-zhakaev`);
      await heading(page, /^How is .* connected to B\. Zhakaev\?$/);
      await settled(page);
      await page.getByRole('img', { name: /^Drawing of the paths? from/ }).waitFor();
      await layout(page);
    },
  },
];

const server = await startServer();
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  mkdirSync(outDir, { recursive: true });
  const shots = [...VIEWS.map((view) => ({ ...view, viewport: DESKTOP })), { name: 'phone-entity', viewport: PHONE, show: VIEWS[1].show }];
  for (const shot of shots) {
    const { page, problems, close } = await openPage(browser, server.url, shot.viewport);
    try {
      await shot.show(page, server.url);
      await shoot(page, shot.name);
    } finally {
      await close();
    }
    if (problems.length > 0) {
      failed = true;
      console.error(`screenshots: ${shot.name}:\n  ${problems.join('\n  ')}`);
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
console.log(`screenshots: wrote ${written.join(', ')}`);
if (failed) fail('the explorer logged errors or reached off its origin (above)');
