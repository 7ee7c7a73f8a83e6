import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { availabilityEntries as e, users } from '../../db/schema/index.js';
import type { JobDefinition } from '../../jobs/runner.js';
import { queueMail } from '../../mail/index.js';
import { presentEntries, staleSql } from './present.js';

export const reminderKind = 'availability-reminder';
/** A provider gets at most one reminder a week, however many of its entries are stale. */
const reminderIntervalDays = 7;

/**
 * Reminds each provider with stale entries by e-mail: one mail per provider and region to its active provider
 * accounts (the people who keep the entries), listing every stale entry with the day it was due, at most once a
 * week. The mail goes through the outbox: sent over SMTP, or kept there for the beheerder without a mail server.
 * Returns the number of mails queued.
 */
export async function remindStaleEntries(db: Db, now = new Date()): Promise<number> {
  const stale = await presentEntries(db, staleSql, { orderBy: [asc(e.providerId), asc(e.confirmedAt)] });
  const byProvider = new Map<string, typeof stale>();
  for (const entry of stale) {
    const key = `${entry.provider.id}|${entry.regionId}`;
    byProvider.set(key, [...(byProvider.get(key) ?? []), entry]);
  }
  if (byProvider.size === 0) return 0;
  const providerIds = [...new Set(stale.map((s) => s.provider.id))];
  const accounts = await db
    .select({ providerId: users.providerId, email: users.email, name: users.name })
    .from(users)
    .where(and(inArray(users.providerId, providerIds), eq(users.role, 'aanbieder'), eq(users.active, true)));
  const since = new Date(now.getTime() - reminderIntervalDays * 24 * 60 * 60 * 1000);
  let queued = 0;
  for (const entries of byProvider.values()) {
    const { provider, regionId } = entries[0]!;
    const lines = entries.map(
      (x) =>
        `- ${x.product ? `${x.product.code} ${x.product.name}` : `productcategorie ${x.productCategory}`}, ${x.location.name}: bevestigen vóór ${x.confirmBy}`,
    );
    for (const account of accounts.filter((a) => a.providerId === provider.id)) {
      const mail = await queueMail(db, {
        regionId,
        to: account.email,
        subject: `Beschikbaarheid van ${provider.name} bijwerken`.slice(0, 200),
        text: [
          `Beste ${account.name},`,
          '',
          `De beschikbaarheid van ${provider.name} is niet op tijd bevestigd. Verwijzers zien deze regels nu als verouderd:`,
          '',
          ...lines,
          '',
          'Log in op Zorglandschap en kies Beschikbaarheid: werk de wachttijden bij of bevestig met één klik dat ze niet veranderd zijn.',
          '',
          'Dit bericht is automatisch verstuurd door Zorglandschap.',
        ].join('\n'),
        kind: reminderKind,
        reference: `${provider.id}|${regionId}|${account.email}`,
        unlessQueuedSince: since,
      });
      if (mail) queued += 1;
    }
  }
  return queued;
}

export const availabilityRemindersJob: JobDefinition = {
  name: 'availability-reminders',
  description: 'Aanbieders met verouderde beschikbaarheid een herinnering mailen (hooguit één per week)',
  everyMinutes: 60,
  runAtStart: true,
  timeoutMinutes: 30,
  run: async (db) => {
    await remindStaleEntries(db);
  },
};
