import { z } from '@hono/zod-openapi';
import { containsBsnLike } from '../../../../shared/bsn.js';

const reasonMissing = 'geef een reden waarom dit wordt ingetrokken';

/** Withdrawing a contract or product made by mistake: always with a reason, never with a BSN-like number in it. */
export const ZWithdrawal = z
  .object({
    reason: z
      .string({ message: reasonMissing })
      .trim()
      .min(1, reasonMissing)
      .max(2000, 'ten hoogste 2000 tekens')
      .refine((s) => !containsBsnLike(s), 'bevat een nummer dat op een BSN lijkt (11-proef); laat het weg')
      .describe('Waarom het een vergissing was; komt in de geschiedenis en het auditlog'),
    confirm: z
      .boolean()
      .optional()
      .describe(
        'Een contract waaronder trajecten liepen wordt alleen ingetrokken met confirm: true (anders 409 met het aantal)',
      ),
  })
  .openapi('Withdrawal');

/** How a withdrawn contract or product shows it: when, by whom (the name as it was) and why; null when it stands. */
export const ZWithdrawn = z
  .object({
    at: z.string().describe('Tijdstip van intrekken (ISO 8601)'),
    by: z.string().describe('Naam van wie het introk'),
    reason: z.string(),
  })
  .nullable()
  .describe('Ingetrokken (een vergissing): blijft in de geschiedenis, telt niet meer mee in lijsten en cijfers');

/** The list filter "ingetrokken tonen": without it, lists leave withdrawn items out. */
export const includeWithdrawn = z.enum(['true', 'false']).optional().describe('Ook ingetrokken tonen (standaard niet)');

export type Withdrawal = z.infer<typeof ZWithdrawal>;
export type Withdrawn = z.infer<typeof ZWithdrawn>;

/** The withdrawal columns of a contracts or products row, presented. */
export function presentWithdrawn(row: {
  withdrawnAt: Date | null;
  withdrawnBy: string | null;
  withdrawalReason: string | null;
}): Withdrawn {
  return row.withdrawnAt
    ? { at: row.withdrawnAt.toISOString(), by: row.withdrawnBy ?? '', reason: row.withdrawalReason ?? '' }
    : null;
}
