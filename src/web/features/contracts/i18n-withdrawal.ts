/** English for withdrawing contracts and products made by mistake, merged into the dictionary in ../../i18n.ts. */
export const withdrawalEn = {
  ingetrokken: 'withdrawn',
  Ingetrokken: 'Withdrawn',
  'Ingetrokken tonen': 'Show withdrawn',
  'Ingetrokken op {at} door {by}. Reden: {reason}': 'Withdrawn on {at} by {by}. Reason: {reason}',
  'Het blijft in de geschiedenis, maar staat niet meer in lijsten en telt niet meer mee in de cijfers.':
    'It stays in the history, but is no longer in lists and no longer counts in the figures.',
  Herstellen: 'Restore',
  'Toch intrekken': 'Withdraw anyway',
  'Reden van intrekken': 'Reason for withdrawing',
  'Alleen voor een vergissing. Het blijft in de geschiedenis; u kunt het intrekken later ongedaan maken.':
    'Only for a mistake. It stays in the history; you can undo the withdrawal later.',
} as const;
