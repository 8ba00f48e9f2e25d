import { describe, expect, it } from 'vitest';
import { globMatcher, readHostingConfig } from './hosting-config.ts';

describe('globMatcher', () => {
  it.each([
    ['/api/**', '/api', true],
    ['/api/**', '/api/v1/me', true],
    ['/api/**', '/apiary', false],
    ['/api/**', '/docs/api/x', false],
    ['**', '/anything/at/all', true],
    ['**/*.js', '/assets/app.js', true],
    ['/*.html', '/index.html', true],
    ['/*.html', '/nested/index.html', false],
    ['/a.b', '/aXb', false],
  ])('%s against %s is %s', (glob, path, expected) => {
    expect(globMatcher(glob)(path)).toBe(expected);
  });
});

describe("the repository's firebase.json", () => {
  it("sends /api/** to the gateway and serves the dashboard's static export, with Hosting's trailing slashes", async () => {
    const hosting = await readHostingConfig();
    expect(hosting.publicDir).toMatch(/hosting\/out$/);
    expect(hosting.trailingSlash).toBe(true);
    const api = hosting.rewrites.find((rewrite) => rewrite.matches('/api/v1/me'));
    expect(api && 'run' in api ? api.run.serviceId : undefined).toBe('gateway');
  });
});
