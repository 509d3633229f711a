import type { Metadata } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: 'Border Watch',
  description: 'Live dashboard of militant attacks and counter-terrorism operations in Pakistan and along the Afghan border.',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
