/** Where a sign-in goes next: the `?next=` path it was sent from, if it is one of ours, else home. */
export function afterSignInPath(search: string): string {
  const next = new URLSearchParams(search).get('next');
  // Only a same-site path: `//evil.example` and `https://…` would leave Plaza.
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
