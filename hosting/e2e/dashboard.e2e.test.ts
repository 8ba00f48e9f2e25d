import { localBot } from '@plaza/emulators';
import { startLocalPlatform, type LocalPlatform } from '@plaza/gateway/local-platform';
import { topicNameFor, userRegistered } from '@plaza/contracts';
import { createCloudEvent, pubsubEventPublisher } from '@plaza/runtime';
import { signUpUser } from '@plaza/runtime/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.ts';
import { checkKeyPage, openDashboard, signIn } from './dashboard-session.ts';
import { actionLinkMailedTo } from './mailbox.ts';

/**
 * The dashboard as people use it: `npm start`'s whole platform (emulators, gateway, push, the
 * front door serving the static export) and Debian's chromium, through the pages only.
 */
let platform: LocalPlatform;
let browser: Browser;

beforeAll(async () => {
  [platform, browser] = await Promise.all([startLocalPlatform({ port: 0, emulatorPorts: 'free' }), launchChromium()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe('a new member', () => {
  const email = `e2e-${crypto.randomUUID().slice(0, 8)}@plaza.test`;
  const password = 'Analytical engine 1843';
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    ({ page, pageErrors } = await openDashboard(browser, platform.url));
  });
  afterAll(() => expect(pageErrors).toEqual([]));

  it('signs up, verifies the email through the mailed link, and signs in', async () => {
    await page.goto('/');
    await page.waitForURL(/\/sign-in\/\?next=/);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('alert').filter({ hasText: /at least 10 characters/ }).waitFor();
    await checkKeyPage(page, 'sign-up-refused');
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Welcome' }).waitFor();
    await page.getByText('Your email address is not verified yet.').waitFor();
    await checkKeyPage(page, 'home-unverified');

    await page.goto(await actionLinkMailedTo(platform.env.PLAZA_MAILBOX_URL ?? '', email));
    await page.getByText(`${email} is verified`).waitFor();
    await checkKeyPage(page, 'email-verified');

    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
    await signIn(page, email, password);
    await expect(page.getByText('Your email address is not verified yet.').count()).resolves.toBe(0);
  });

  it('edits the profile, with the username checked while typing', async () => {
    await page.goto('/account/');
    const username = `ada-${crypto.randomUUID().slice(0, 6)}`;
    await page.getByLabel('Username', { exact: true }).fill('admin');
    await page.getByText(/reserved/i).first().waitFor();
    await page.getByLabel('Username', { exact: true }).fill(username);
    await page.getByLabel('Display name').fill('Ada Byron');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('banner').getByText(`@${username}`).waitFor();
    await checkKeyPage(page, 'account');
  });

  it('links Telegram with the deep link token, and sees the status change', async () => {
    await page.goto('/account/telegram/');
    await page.getByRole('button', { name: /link telegram/i }).click();
    const deepLink = await page.getByRole('link', { name: /open telegram/i }).getAttribute('href');
    const token = new URL(deepLink ?? '').searchParams.get('start');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expect(page.getByRole('img', { name: /QR code/i }).count()).resolves.toBe(1);
    await checkKeyPage(page, 'telegram-linking');

    const text = `/start ${token}`;
    const update = await fetch(`${platform.env.TELEGRAM_API_ROOT}/control/bots/${encodeURIComponent(localBot.token)}/updates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        message: { from: { id: 4242, is_bot: false, first_name: 'Ada', username: 'ada_tg' }, chat: { id: 4242, type: 'private', first_name: 'Ada' }, text, entities: [{ type: 'bot_command', offset: 0, length: 6 }] },
      }),
    });
    expect(update.status).toBe(200);
    await page.getByTestId('telegram-status').filter({ hasText: /linked/i }).waitFor({ timeout: 15_000 });
    await checkKeyPage(page, 'telegram-linked');
  });

  it('sees a notification arrive live, and reads and deletes it', async () => {
    await page.goto('/notifications/');
    await page.getByTestId('inbox').waitFor();
    const before = await page.getByTestId('inbox').getByRole('listitem').count();
    await page.getByText('live', { exact: false }).first().waitFor();

    // Another system announces the member again through Pub/Sub; the welcome it causes arrives without a reload.
    const me = await (await page.request.get('/api/v1/me')).json() as { uid: string };
    const event = createCloudEvent(userRegistered, { uid: me.uid, email, displayName: 'Ada Byron' }, { subject: `users/${me.uid}` });
    await pubsubEventPublisher().publish(topicNameFor(userRegistered.type), event);
    await expect.poll(() => page.getByTestId('inbox').getByRole('listitem').count(), { timeout: 15_000 }).toBe(before + 1);
    await page.getByTestId('unread-count').waitFor();
    await checkKeyPage(page, 'notifications-live');

    const newest = page.getByTestId('inbox').getByRole('listitem').first();
    await newest.getByRole('button', { name: /^Mark read: / }).click();
    await newest.getByRole('button', { name: /^Mark unread: / }).waitFor();
    await newest.getByRole('button', { name: /^Delete: / }).click();
    await expect.poll(() => page.getByTestId('inbox').getByRole('listitem').count()).toBe(before);
  });

  it('works on a phone, in dark mode, with the weather where the phone is or in a named city', async () => {
    const phone = await browser.newContext({
      baseURL: platform.url,
      viewport: { width: 390, height: 844 },
      colorScheme: 'dark',
      geolocation: { latitude: 52.52, longitude: 13.405 },
      permissions: ['geolocation'],
      storageState: await page.context().storageState(),
    });
    const phonePage = await phone.newPage();
    await phonePage.goto('/');
    await phonePage.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await phonePage.getByTestId('weather-report').filter({ hasText: '°C' }).waitFor();
    await phonePage.getByRole('textbox', { name: 'City' }).fill('Paris');
    await phonePage.getByRole('button', { name: 'Show' }).click();
    await phonePage.getByTestId('weather-report').filter({ hasText: 'in Paris' }).waitFor();
    const overflow = await phonePage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const background = await phonePage.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(13, 17, 23)');
    await checkKeyPage(phonePage, 'home-phone-dark');
    await phone.close();
  });
});

describe('a keyboard user', () => {
  it('skips to the content, signs in and reaches the inbox without a mouse, always seeing where the focus is', async () => {
    const member = await signUpUser();
    const { page, pageErrors } = await openDashboard(browser, platform.url);
    await page.goto('/sign-in/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    const focused = () => page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return { text: element?.textContent?.trim() ?? '', label: element?.getAttribute('aria-label') ?? (element as HTMLInputElement | null)?.labels?.[0]?.textContent ?? '', ring: element ? getComputedStyle(element).boxShadow : 'none', inMain: Boolean(element?.closest('main')) };
    });
    // Where the focus is, if it matches; else the next Tab stop that does (at most 15 presses).
    const tabUntil = async (matches: (element: Awaited<ReturnType<typeof focused>>) => boolean) => {
      for (let presses = 0; presses <= 15; presses += 1) {
        const element = await focused();
        if (matches(element)) return element;
        await page.keyboard.press('Tab');
      }
      throw new Error(`the focus never got there; it is on ${JSON.stringify(await focused())}`);
    };

    const skip = await tabUntil((element) => element.text === 'Skip to content');
    expect(skip.ring).not.toBe('none');
    await page.keyboard.press('Enter');
    // The next stop is in the page's content, past the header's links.
    await page.keyboard.press('Tab');
    expect((await focused()).inMain).toBe(true);
    const email = await tabUntil((element) => element.label.startsWith('Email'));
    expect(email.ring).not.toBe('none');
    await page.keyboard.type(member.email);
    await tabUntil((element) => element.label.startsWith('Password'));
    await page.keyboard.type('correct horse battery staple');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();

    const inbox = await tabUntil((element) => element.text.startsWith('Notifications'));
    expect(inbox.ring).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});

describe('an admin', () => {
  it('grants a role, and the change shows in the audit log', async () => {
    const [admin, member, bystander] = await Promise.all([signUpUser({ roles: ['admin'] }), signUpUser({ displayName: 'Charles Babbage' }), signUpUser()]);
    // Something else in the log for the filter to leave out: the admin suspends another account through the API.
    const suspended = await fetch(`${platform.url}/api/v1/admin/users/${bystander.uid}/deactivate`, { method: 'POST', headers: { authorization: `Bearer ${admin.idToken}` } });
    expect(suspended.status).toBe(200);
    const { page, pageErrors } = await openDashboard(browser, platform.url);
    await signIn(page, admin.email, 'correct horse battery staple');
    await page.getByRole('banner').getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('searchbox').or(page.getByLabel(/search/i)).first().fill(member.email);
    await page.keyboard.press('Enter');
    const row = page.getByTestId(`user-${member.uid}`);
    await row.waitFor();
    await row.getByRole('button', { name: `Grant moderator for ${member.email}` }).click();
    await row.getByRole('button', { name: `Revoke moderator for ${member.email}` }).waitFor();
    await checkKeyPage(page, 'admin-users');

    await page.getByRole('link', { name: /audit log/i }).click();
    const log = page.getByTestId('audit-log');
    const entry = log.getByRole('listitem').filter({ hasText: member.uid }).first();
    await entry.waitFor();
    // Named as people, not only uids: the admin by email, the member by display name and email.
    await expect(entry.textContent()).resolves.toContain(`${admin.email} granted moderator of Charles Babbage (${member.email})`);
    // Filtered by the member's email, the log keeps only what was done to them.
    const entries = log.locator(':scope > li');
    await expect(entries.filter({ hasText: bystander.email }).count()).resolves.toBe(1);
    await page.getByLabel('Target (email or uid)').fill(member.email);
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/target=/);
    await expect.poll(async () => ({ shown: await entries.count(), theirs: await entries.filter({ hasText: member.email }).count() })).toEqual({ shown: 1, theirs: 1 });
    await checkKeyPage(page, 'admin-audit');
    expect(pageErrors).toEqual([]);
  });

  it('is the only one who sees the admin pages: a member is told, and the API refuses anyway', async () => {
    const member = await signUpUser();
    const { page } = await openDashboard(browser, platform.url);
    await signIn(page, member.email, 'correct horse battery staple');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Admin' }).count()).resolves.toBe(0);
    await page.goto('/admin/');
    await page.getByText('You do not have access to this page.').waitFor();
    await checkKeyPage(page, 'admin-refused');
    expect((await page.request.get('/api/v1/admin/users')).status()).toBe(403);
  });
});
