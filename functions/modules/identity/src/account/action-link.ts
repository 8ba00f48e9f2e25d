import type { ActionMode } from '@plaza/contracts';

/**
 * The dashboard link for a link firebase-admin generated. Firebase's own link leads to its
 * hosted handler page (`…/__/auth/action?mode=…&oobCode=…&apiKey=…`); ours leads to the
 * dashboard's page, which posts the code back to `POST /v1/auth/actions`. Only the mode and the
 * code travel: the page needs nothing else, and the API key has no business in a mail.
 */
export function dashboardActionUrl(appUrl: string, firebaseLink: string, mode: ActionMode): string {
  const params = new URL(firebaseLink).searchParams;
  const oobCode = params.get('oobCode');
  // Both come from Firebase; a link without them is a change on Google's side we must notice.
  if (!oobCode) throw new Error(`The generated ${mode} link has no oobCode`);
  if (params.get('mode') !== mode) throw new Error(`Asked for a ${mode} link, got mode ${params.get('mode')}`);
  return `${appUrl}/auth/action?${new URLSearchParams({ mode, oobCode })}`;
}
