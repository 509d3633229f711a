import { ForbiddenPage } from './sign-in/forbidden-page';
import { currentPrincipal } from './sign-in/page-access';

/** Rendered with status 403 when a page calls forbidden() (app/sign-in/page-access.ts). */
export default async function Forbidden() {
  return <ForbiddenPage principal={await currentPrincipal()} />;
}
