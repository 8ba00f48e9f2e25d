'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useLiveNotifications } from '../notifications/live-notifications.tsx';
import { useSession } from '../session/session-context.tsx';

const links = [
  { href: '/', label: 'Home' },
  { href: '/notifications/', label: 'Notifications' },
  { href: '/account/', label: 'Account' },
  { href: '/admin/', label: 'Admin', permission: 'users:read' },
] as const;

/** The header on every page: where to go, the unread count, and who is signed in. */
export function SiteHeader() {
  const { session, signOut } = useSession();
  const { unread } = useLiveNotifications();
  const pathname = usePathname();
  const me = session.status === 'signed-in' ? session.me : undefined;
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">Skip to content</a>
      <Link href="/" className="brand">Plaza</Link>
      {me ? (
        <nav aria-label="Main">
          <ul>
            {links
              .filter((link) => !('permission' in link) || me.permissions.includes(link.permission))
              .map((link) => (
                <li key={link.href}>
                  <Link href={link.href} aria-current={pathname === link.href || (link.href !== '/' && pathname.startsWith(link.href)) ? 'page' : undefined}>
                    {link.label}
                    {link.href === '/notifications/' && unread ? (
                      <span className="badge" aria-label={`${unread} unread`} data-testid="unread-count">{unread > 99 ? '99+' : unread}</span>
                    ) : null}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
      ) : null}
      <div className="who">
        {me ? (
          <>
            <span className="muted" title={me.email ?? undefined}>{me.username ? `@${me.username}` : me.email}</span>
            <button type="button" className="secondary" onClick={() => void signOut()}>Sign out</button>
          </>
        ) : session.status === 'signed-out' ? (
          <Link href="/sign-in/">Sign in</Link>
        ) : null}
      </div>
    </header>
  );
}
