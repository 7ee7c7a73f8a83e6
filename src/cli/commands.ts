import { authCli } from '../server/modules/auth/cli.js';
import { exchangeCli } from '../server/modules/exchange/cli.js';
import { landscapeCli } from '../server/modules/landscape/cli.js';
import { monitoringCli } from '../server/modules/monitoring/cli.js';
import type { CliCommands } from '../server/modules/server-module.js';

/**
 * The commands the modules add to `zorglandschap`, each from the module's own `cli.ts`: a module with commands is
 * one line here. (`serve`, `migrate`, `seed-demo` and `generate` belong to the installation, in main.ts.)
 */
export const cliCommands: readonly CliCommands[] = [authCli, exchangeCli, monitoringCli, landscapeCli];
