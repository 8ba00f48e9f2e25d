import { describe, expect, it } from 'vitest';
import { initialScripts, routeOf } from './js-budget.ts';

describe('initialScripts', () => {
  it('lists each of our script sources once, and nothing inline or foreign', () => {
    const html = '<script src="/_next/static/chunks/a.js" async=""></script><script>self.x=1</script>'
      + '<script src="/_next/static/chunks/a.js"></script><script defer src="/_next/static/chunks/b.js"></script><script src="https://apis.google.com/js/api.js"></script>';
    expect(initialScripts(html)).toEqual(['/_next/static/chunks/a.js', '/_next/static/chunks/b.js']);
  });
});

describe('routeOf', () => {
  it('names the route a file of the export serves', () => {
    expect(routeOf('index.html')).toBe('/');
    expect(routeOf('sign-in/index.html')).toBe('/sign-in/');
    expect(routeOf('404.html')).toBe('/404');
  });
});
