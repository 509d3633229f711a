// `npm run user:add -- --email E --role viewer|operator|admin [--password P]`: creates or updates a user.
import { userAdd } from '../server/auth/cli-commands';
import { runAccountCommand } from './account-command';

await runAccountCommand('user:add', userAdd);
