import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's chromium, driven by playwright-core: no browser download, ever. CHROMIUM_PATH points
 * elsewhere on a machine that keeps it in another place.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
