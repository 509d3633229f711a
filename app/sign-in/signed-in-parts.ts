/** The header's parts only a signed-in person sees, one chunk (loaded by ./signed-in-lazy). */
export { NoticeToast } from '../forms/notice-toast';
export { SignOutButton } from './sign-out-button';
export { AlertBell } from '../alerts/alert-bell';
export { SavedViewsMenu } from '../alerts/saved-views-menu';
