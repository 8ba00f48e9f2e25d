import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { accessibilityViolations } from './accessibility.ts';

export const artifactsDir = new URL('./artifacts/', import.meta.url);

/** A fresh browser context (its own cookies) on the dashboard, failing the test on any page error. */
export async function openDashboard(browser: Browser, baseURL: string, viewport = { width: 1100, height: 800 }): Promise<{ page: Page; pageErrors: string[] }> {
  const context = await browser.newContext({ baseURL, viewport });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { page, pageErrors };
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in/');
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
}

/**
 * A key page, as a person sees it and as assistive technology reads it: saves a screenshot for
 * the test's artifacts (hosting/e2e/artifacts/), then fails on any axe-core WCAG A/AA violation.
 */
export async function checkKeyPage(page: Page, name: string): Promise<void> {
  await mkdir(artifactsDir, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, artifactsDir).pathname, fullPage: true });
  expect(await accessibilityViolations(page), `${name}: accessibility`).toEqual([]);
}
