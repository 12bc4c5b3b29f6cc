import { accessSync, constants } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

/** Debian's package; playwright-core never downloads a browser of its own. */
const CHROMIUM = '/usr/bin/chromium';

/** Keep the browser from phoning home, so a test can assert every request stays on localhost. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The system Chromium's path, or null when it is not installed (`apt-get install chromium`). */
export function chromiumPath(): string | null {
  try {
    accessSync(CHROMIUM, constants.X_OK);
    return CHROMIUM;
  } catch {
    return null;
  }
}

/** Launches the system Chromium headless; throws with the install command when it is absent. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (executablePath === null) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\``);
  }
  return chromium.launch({ executablePath, headless: true, args: ARGS });
}
