// `npm run token:create -- --email E --name N`: prints a new API token as the last line.
import { tokenCreate } from '../server/auth/cli-commands';
import { runAccountCommand } from './account-command';

await runAccountCommand('token:create', tokenCreate);
