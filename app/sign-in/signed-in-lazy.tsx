'use client';
/**
 * The signed-in header's client parts (the flash notice, saved views, the alert bell with its
 * socket, sign out) as one chunk of their own: the layout is on every page, and a visitor who is
 * not signed in (a public dashboard's readers) never downloads them. Rendered on the server as
 * before; the browser loads the chunk as it hydrates the header.
 */
import dynamic from 'next/dynamic';

const parts = () => import('./signed-in-parts');

export const NoticeToast = dynamic(() => parts().then((m) => m.NoticeToast));
export const SignOutButton = dynamic(() => parts().then((m) => m.SignOutButton));
export const AlertBell = dynamic(() => parts().then((m) => m.AlertBell));
export const SavedViewsMenu = dynamic(() => parts().then((m) => m.SavedViewsMenu));
