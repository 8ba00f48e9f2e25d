/**
 * Names no member may claim: they would pass for Plaza itself or its staff, or collide with a
 * path or a word the dashboard uses (`/users/me`, `/settings`). The one list; compared after
 * normalization (trimmed, lower-cased). Names shorter than 3 characters (`me`) are refused by the
 * pattern already, so they are not listed. Grow it freely: a name already claimed stays with its
 * holder, the list only stops new claims.
 */
export const reservedUsernames: ReadonlySet<string> = new Set([
  'about', 'abuse', 'account', 'accounts', 'admin', 'administrator', 'admins', 'anonymous', 'api',
  'app', 'auth', 'billing', 'blog', 'bot', 'contact', 'dashboard', 'deleted', 'dev', 'docs',
  'everyone', 'explore', 'help', 'home', 'info', 'login', 'logout', 'mod', 'moderator',
  'moderators', 'news', 'nobody', 'noreply', 'no-reply', 'notifications', 'null', 'official',
  'owner', 'plaza', 'plaza-team', 'plaza.team', 'postmaster', 'privacy', 'profile', 'root',
  'search', 'security', 'settings', 'signin', 'signout', 'signup', 'staff', 'status', 'support',
  'system', 'team', 'terms', 'undefined', 'user', 'username', 'users', 'webmaster', 'www',
]);
