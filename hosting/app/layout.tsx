import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { LiveNotificationsProvider } from '../src/notifications/live-notifications.tsx';
import { SessionProvider } from '../src/session/session-context.tsx';
import { SiteHeader } from '../src/ui/site-header.tsx';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Plaza', template: '%s · Plaza' },
  description: 'Plaza, the community platform.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0d1117' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <SessionProvider>
          <LiveNotificationsProvider>
            <SiteHeader />
            <main id="main">{children}</main>
          </LiveNotificationsProvider>
        </SessionProvider>
      </body>
    </html>
  );
}
