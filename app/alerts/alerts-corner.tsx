/** The signed-in header's alert parts: saved views (read on the server) and the live bell. */
import { getRuntime } from '@/server/runtime';
import type { Principal } from '@/server/auth/principal';
import { AlertBell, SavedViewsMenu } from '../sign-in/signed-in-lazy';
import { viewHref } from './view-href';

export async function AlertsCorner({ principal }: { principal: Principal }) {
  const views = await getRuntime().alerts().views.visibleTo(principal.userId);
  return (
    <>
      <SavedViewsMenu
        views={views.map((v) => ({ id: v.id, name: v.name, shared: v.shared, href: viewHref(v.filters) }))}
      />
      <AlertBell />
    </>
  );
}
