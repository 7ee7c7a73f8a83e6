import type { InvalidParam } from '../../lib/api-client';
import { parseInteger } from '../../lib/format';
import type { Msg } from '../../i18n';
import type { TierLevel } from '../../lib/types';

export type TierScheme = TierLevel['scheme'];

/** A tier level as the form holds it: strings as typed, converted only on submit. */
export interface TierLevelDraft {
  scheme: TierScheme | '';
  code: string;
  name: string;
  description: string;
  accountMeetingsPerYear: string;
  excludesCode: string;
}

export const emptyTierLevel: TierLevelDraft = {
  scheme: '',
  code: '',
  name: '',
  description: '',
  accountMeetingsPerYear: '',
  excludesCode: '',
};

export function draftFromTierLevel(level: TierLevel): TierLevelDraft {
  return {
    scheme: level.scheme,
    code: level.code,
    name: level.name,
    description: level.description ?? '',
    accountMeetingsPerYear: level.accountMeetingsPerYear === null ? '' : String(level.accountMeetingsPerYear),
    excludesCode: level.excludesCode ?? '',
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The fields PATCH /tier-levels/{id} takes, or the client-side problem when the number is not a number. */
export function toTierLevelUpdate(d: TierLevelDraft, notANumber: string) {
  const meetings = parseInteger(d.accountMeetingsPerYear);
  const problems: InvalidParam[] = Number.isNaN(meetings)
    ? [{ name: 'accountMeetingsPerYear', code: 'invalid', reason: notANumber }]
    : [];
  return {
    problems,
    body: {
      name: d.name,
      description: orNull(d.description),
      accountMeetingsPerYear: meetings,
      excludesCode: orNull(d.excludesCode),
    },
  };
}

/** The body of POST /regions/{id}/tier-levels; an empty scheme is left to the server to report. */
export function toTierLevelCreate(d: TierLevelDraft, notANumber: string) {
  const { problems, body } = toTierLevelUpdate(d, notANumber);
  return { problems, body: { ...(d.scheme ? { scheme: d.scheme } : {}), code: d.code.trim(), ...body } };
}

export const tierLevelFieldLabels: Record<string, Msg> = {
  scheme: 'Indeling',
  code: 'Code',
  name: 'Naam',
  description: 'Omschrijving',
  accountMeetingsPerYear: 'Accountgesprekken per jaar',
  excludesCode: 'Sluit uit',
};
