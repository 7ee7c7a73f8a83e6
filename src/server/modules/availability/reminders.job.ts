import { and, asc, eq, inArray } from 'drizzle-orm';
import { dutchToday } from '../../../shared/period.js';
import type { Db } from '../../db/client.js';
import {
  availabilityEntries as e,
  availabilitySettings,
  providerLocations,
  products,
  providers,
  users,
} from '../../db/schema/index.js';
import type { JobDefinition } from '../../jobs/runner.js';
import { queueMail } from '../../mail/index.js';
import { confirmWeeks, staleSql } from './present.js';

export const reminderKind = 'availability-reminder';
/** A provider gets at most one reminder a week, however many of its entries are stale. */
const reminderIntervalDays = 7;
/** A reminder lists at most this many entries, and says how many more there are. */
const maxLines = 50;

/**
 * Reminds each provider with stale entries by e-mail: one mail per provider and region to its active provider
 * accounts (the people who keep the entries), listing every stale entry with the day it was due, at most once a
 * week. The mail goes through the outbox: sent over SMTP, or kept there for the beheerder without a mail server.
 * Returns the number of mails queued.
 */
export async function remindStaleEntries(db: Db, now = new Date()): Promise<number> {
  // Only what a reminder says, in one narrow read: a region may hold tens of thousands of entries.
  const stale = await db
    .select({
      providerId: e.providerId,
      providerName: providers.name,
      regionId: e.regionId,
      productCode: products.productCode,
      productName: products.name,
      category: e.productCategory,
      location: providerLocations.name,
      confirmedAt: e.confirmedAt,
      weeks: confirmWeeks,
    })
    .from(e)
    .innerJoin(providers, eq(providers.id, e.providerId))
    .innerJoin(providerLocations, eq(providerLocations.id, e.locationId))
    .leftJoin(products, eq(products.id, e.productId))
    .leftJoin(availabilitySettings, eq(availabilitySettings.regionId, e.regionId))
    .where(staleSql)
    .orderBy(asc(e.providerId), asc(e.confirmedAt));
  const byProvider = new Map<string, typeof stale>();
  for (const entry of stale) {
    const key = `${entry.providerId}|${entry.regionId}`;
    const list = byProvider.get(key);
    if (list) list.push(entry);
    else byProvider.set(key, [entry]);
  }
  if (byProvider.size === 0) return 0;
  const providerIds = [...new Set(stale.map((s) => s.providerId))];
  const accounts = await db
    .select({ providerId: users.providerId, email: users.email, name: users.name })
    .from(users)
    .where(and(inArray(users.providerId, providerIds), eq(users.role, 'aanbieder'), eq(users.active, true)));
  const since = new Date(now.getTime() - reminderIntervalDays * 24 * 60 * 60 * 1000);
  let queued = 0;
  for (const entries of byProvider.values()) {
    const { providerId, providerName, regionId } = entries[0]!;
    const receivers = accounts.filter((a) => a.providerId === providerId);
    if (receivers.length === 0) continue;
    const lines = entries.slice(0, maxLines).map((x) => {
      const due = dutchToday(new Date(x.confirmedAt.getTime() + Number(x.weeks) * 7 * 24 * 60 * 60 * 1000));
      const what = x.productCode ? `${x.productCode} ${x.productName}` : `productcategorie ${x.category}`;
      return `- ${what}, ${x.location}: bevestigen vóór ${due}`;
    });
    if (entries.length > maxLines) lines.push(`- en nog ${entries.length - maxLines} regels`);
    for (const account of receivers) {
      const mail = await queueMail(db, {
        regionId,
        to: account.email,
        subject: `Beschikbaarheid van ${providerName} bijwerken`.slice(0, 200),
        text: [
          `Beste ${account.name},`,
          '',
          `De beschikbaarheid van ${providerName} is niet op tijd bevestigd. Verwijzers zien deze regels nu als verouderd:`,
          '',
          ...lines,
          '',
          'Log in op Zorglandschap en kies Beschikbaarheid: werk de wachttijden bij of bevestig met één klik dat ze niet veranderd zijn.',
          '',
          'Dit bericht is automatisch verstuurd door Zorglandschap.',
        ].join('\n'),
        kind: reminderKind,
        reference: `${providerId}|${regionId}|${account.email}`,
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
