import type { InvalidParam } from '../../lib/api-client';
import { parseInteger } from '../../lib/format';
import type { Msg } from '../../i18n';
import type { Entry, EntryCreate, EntryUpdate } from './types';

/** The entry form's state: numbers as typed, so "abc" can be named instead of silently becoming 0. */
export interface EntryDraft {
  locationId: string;
  productId: string;
  intakeWaitWeeks: string;
  treatmentWaitWeeks: string;
  waitingListCount: string;
  openPlaces: string;
  stop: boolean;
  stopReason: string;
  stopFrom: string;
  stopUntil: string;
  specialisations: string[];
  note: string;
  ageFrom: string;
  ageTo: string;
  languages: string[];
  offerForms: string[];
  intakePhone: string;
  intakeEmail: string;
  intakeHow: string;
}

export const emptyEntry: EntryDraft = {
  locationId: '',
  productId: '',
  intakeWaitWeeks: '',
  treatmentWaitWeeks: '',
  waitingListCount: '0',
  openPlaces: '',
  stop: false,
  stopReason: '',
  stopFrom: '',
  stopUntil: '',
  specialisations: [],
  note: '',
  ageFrom: '0',
  ageTo: '18',
  languages: ['nl'],
  offerForms: ['individueel'],
  intakePhone: '',
  intakeEmail: '',
  intakeHow: '',
};

export function draftFromEntry(e: Entry): EntryDraft {
  return {
    locationId: e.location.id,
    productId: e.product?.id ?? '',
    intakeWaitWeeks: String(e.intakeWaitWeeks),
    treatmentWaitWeeks: String(e.treatmentWaitWeeks),
    waitingListCount: String(e.waitingListCount),
    openPlaces: e.openPlaces === null ? '' : String(e.openPlaces),
    stop: e.clientStop !== null,
    stopReason: e.clientStop?.reason ?? '',
    stopFrom: e.clientStop?.from ?? '',
    stopUntil: e.clientStop?.until ?? '',
    specialisations: e.specialisations,
    note: e.note ?? '',
    ageFrom: String(e.ageFrom),
    ageTo: String(e.ageTo),
    languages: e.languages,
    offerForms: e.offerForms,
    intakePhone: e.intakePhone ?? '',
    intakeEmail: e.intakeEmail ?? '',
    intakeHow: e.intakeHow ?? '',
  };
}

export const entryFieldLabels: Record<string, Msg> = {
  providerId: 'Aanbieder',
  locationId: 'Locatie',
  productId: 'Product',
  productCategory: 'Product',
  intakeWaitWeeks: 'Aanmeldwachttijd',
  treatmentWaitWeeks: 'Behandelwachttijd',
  waitingListCount: 'Wachtlijst',
  openPlaces: 'Open plaatsen',
  clientStop: 'Cliëntenstop',
  'clientStop.reason': 'Reden van de cliëntenstop',
  'clientStop.from': 'Start van de cliëntenstop',
  'clientStop.until': 'Einde van de cliëntenstop',
  specialisations: 'Specialisaties',
  note: 'Toelichting',
  ageFrom: 'Leeftijd vanaf',
  ageTo: 'Leeftijd tot en met',
  languages: 'Talen',
  offerForms: 'Vorm',
  intakePhone: 'Telefoon voor aanmelding',
  intakeEmail: 'E-mail voor aanmelding',
  intakeHow: 'Hoe aanmelden',
};

const numberFields = ['intakeWaitWeeks', 'treatmentWaitWeeks', 'waitingListCount', 'ageFrom', 'ageTo'] as const;

/** Numbers the API cannot receive at all (text in a number field): named here, everything else the server checks. */
export function unreadable(d: EntryDraft): InvalidParam[] {
  const bad: InvalidParam[] = numberFields
    .filter((k) => !Number.isInteger(parseInteger(d[k])))
    .map((name) => ({ name, code: 'invalid', reason: 'vul een heel getal in' }));
  if (d.openPlaces.trim() && !Number.isInteger(parseInteger(d.openPlaces)))
    bad.push({ name: 'openPlaces', code: 'invalid', reason: 'vul een heel getal in of laat leeg' });
  return bad;
}

const text = (s: string) => (s.trim() ? s.trim() : null);

export function toUpdate(d: EntryDraft): EntryUpdate {
  return {
    intakeWaitWeeks: parseInteger(d.intakeWaitWeeks)!,
    treatmentWaitWeeks: parseInteger(d.treatmentWaitWeeks)!,
    waitingListCount: parseInteger(d.waitingListCount)!,
    openPlaces: d.openPlaces.trim() ? parseInteger(d.openPlaces)! : null,
    clientStop: d.stop ? { reason: d.stopReason, from: d.stopFrom, until: d.stopUntil } : null,
    specialisations: d.specialisations,
    note: text(d.note),
    ageFrom: parseInteger(d.ageFrom)!,
    ageTo: parseInteger(d.ageTo)!,
    languages: d.languages,
    offerForms: d.offerForms as EntryUpdate['offerForms'] & string[],
    intakePhone: text(d.intakePhone),
    intakeEmail: text(d.intakeEmail),
    intakeHow: text(d.intakeHow),
  };
}

export function toCreate(d: EntryDraft, providerId: string | null): EntryCreate {
  const update = toUpdate(d);
  return {
    ...(providerId ? { providerId } : {}),
    locationId: d.locationId,
    productId: d.productId || null,
    ...update,
  } as EntryCreate;
}
