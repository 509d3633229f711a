/** Where sign-in returns to: the rule lives in core (the form route on the server uses it too). */
export { safeNext } from '../../core/access/safe-next';
