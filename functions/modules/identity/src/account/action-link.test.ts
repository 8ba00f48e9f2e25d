import { describe, expect, it } from 'vitest';
import { dashboardActionUrl } from './action-link.ts';

describe('dashboardActionUrl', () => {
  it("keeps the mode and the code of Firebase's link, on the dashboard's page", () => {
    const firebaseLink =
      'https://demo-plaza.firebaseapp.com/__/auth/action?mode=resetPassword&oobCode=abc-DEF_123&apiKey=AIza&lang=en';
    expect(dashboardActionUrl('https://plaza.example', firebaseLink, 'resetPassword')).toBe(
      'https://plaza.example/auth/action?mode=resetPassword&oobCode=abc-DEF_123',
    );
  });

  it("reads the Auth emulator's links too", () => {
    const emulatorLink =
      'http://127.0.0.1:9099/emulator/action?mode=verifyAndChangeEmail&lang=en&oobCode=x%2By&apiKey=fake-api-key';
    expect(dashboardActionUrl('http://127.0.0.1:5000', emulatorLink, 'verifyAndChangeEmail')).toBe(
      'http://127.0.0.1:5000/auth/action?mode=verifyAndChangeEmail&oobCode=x%2By',
    );
  });

  it('fails loudly on a link that is not what was asked for', () => {
    expect(() => dashboardActionUrl('http://a.test', 'https://x.test/?mode=verifyEmail', 'verifyEmail')).toThrow(/no oobCode/);
    expect(() => dashboardActionUrl('http://a.test', 'https://x.test/?mode=verifyEmail&oobCode=c', 'resetPassword')).toThrow(
      /got mode verifyEmail/,
    );
  });
});
