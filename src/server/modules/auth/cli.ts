import { Option } from 'commander';
import { roles, type Role } from '../../../shared/domain.js';
import type { CliCommands } from '../server-module.js';
import { addUserThroughServer } from './cli-forward.js';

/** `zorglandschap users add`: on the database, or through the running server that holds it. */
export const authCli: CliCommands = (program, cli) => {
  const users = program.command('users').description('gebruikers beheren');
  users
    .command('add')
    .description('voeg een lokaal account toe; het wachtwoord komt uit ZL_PASSWORD of wordt gevraagd')
    .requiredOption('--email <email>', 'e-mailadres')
    .requiredOption('--name <name>', 'naam')
    .addOption(new Option('--role <role>', 'rol').choices([...roles]).makeOptionMandatory())
    .option('--provider-agb <agb>', 'AGB-code van de aanbieder (verplicht bij rol aanbieder)')
    .option(
      '--region <code>',
      'regiocode van de regio waarin de gebruiker werkt (standaard de enige regio; een beheerder zonder: de hele installatie)',
    )
    .option('--oidc', 'geen wachtwoord: inloggen alleen via OIDC')
    .action(
      async (opts: {
        email: string;
        name: string;
        role: Role;
        providerAgb?: string;
        region?: string;
        oidc?: boolean;
      }) => {
        // Asked before the database is opened, so nobody holds the data directory while a person types.
        const password = opts.oidc ? undefined : (process.env.ZL_PASSWORD ?? (await cli.prompt('Wachtwoord: ')));
        const user = {
          email: opts.email,
          name: opts.name,
          role: opts.role,
          password,
          providerAgbCode: opts.providerAgb,
          regionCode: opts.region,
        };
        const done = await cli.withDatabase(
          async ({ db }) => {
            const { createUser } = await import('./auth.service.js');
            const created = await createUser(db, user);
            const where = opts.region ? `regio ${opts.region}` : created.regionId ? 'de enige regio' : 'geen regio';
            return `Gebruiker ${created.email} (${created.role}, ${where}) aangemaakt.`;
          },
          (locked) => addUserThroughServer(locked, user),
        );
        console.log(done);
      },
    );
};
