import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import { NONCE_HEADER } from '@/server/runtime';
import { SiteHeader } from './components/site-header';
import { AccountNav } from './sign-in/account-nav';
import { ReportZoneSetter } from './components/report-zone-setter';
import { reportZone } from './components/report-zone';
import './globals.css';

// Every page reads the live database and the session (the header's account corner): nothing is
// prerendered at build time, when no server runtime exists.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'Border Watch', template: '%s · Border Watch' },
  description:
    'Live dashboard of militant attacks and counter-terrorism operations in Pakistan and along the Afghan border.',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f4f6f9' },
    { media: '(prefers-color-scheme: dark)', color: '#0a0e14' },
  ],
};

// Applies a stored theme choice before the first paint (no flash of the wrong theme).
const THEME_SCRIPT = `try{var t=localStorage.getItem('border-watch.theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The page's Content-Security-Policy runs only scripts with this request's nonce (server/page-security.ts).
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-bg text-fg antialiased">
        <ReportZoneSetter zone={reportZone()} />
        <a
          href="#main"
          className="sr-only z-50 rounded bg-surface px-3 py-2 focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
        >
          Skip to content
        </a>
        <SiteHeader extra={<AccountNav />} />
        {children}
      </body>
    </html>
  );
}
