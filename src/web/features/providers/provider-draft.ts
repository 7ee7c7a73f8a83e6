import type { Msg } from '../../i18n';
import type { Provider, ProviderCreate, ProviderDomain, ProviderUpdate } from '../../lib/types';

/** What the provider form holds while the user types: strings as typed, converted only on submit. */
export interface LocationDraft {
  key: string;
  id?: string | undefined;
  name: string;
  postcode: string;
  city: string;
  /** WGS84 as typed ("52,03" or "52.03"); empty: the centroid of the postcode area. */
  latitude: string;
  longitude: string;
}

export interface ProviderDraft {
  agbCode: string;
  kvkNumber: string;
  name: string;
  domains: ProviderDomain[];
  specialisations: string;
  website: string;
  active: boolean;
  tierLevelIds: string[];
  locations: LocationDraft[];
}

export const emptyProvider: ProviderDraft = {
  agbCode: '',
  kvkNumber: '',
  name: '',
  domains: [],
  specialisations: '',
  website: '',
  active: true,
  tierLevelIds: [],
  locations: [],
};

export function draftFromProvider(p: Provider): ProviderDraft {
  return {
    agbCode: p.agbCode,
    kvkNumber: p.kvkNumber ?? '',
    name: p.name,
    domains: [...p.domains],
    specialisations: p.specialisations.join('\n'),
    website: p.website ?? '',
    active: p.active,
    tierLevelIds: p.tiers.map((t) => t.id),
    locations: p.locations.map((l) => ({
      key: l.id,
      id: l.id,
      name: l.name,
      postcode: l.postcode,
      city: l.city ?? '',
      latitude: l.latitude === null ? '' : String(l.latitude),
      longitude: l.longitude === null ? '' : String(l.longitude),
    })),
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
/** A coordinate as typed, with a decimal comma or point; null when empty, NaN when it is no number. */
const coordinate = (text: string) => (text.trim() === '' ? null : Number(text.trim().replace(',', '.')));

/** Coordinates that are not numbers, named as the API names its fields, so they are refused before sending. */
export function unreadableLocations(d: ProviderDraft) {
  return d.locations.flatMap((l, i) =>
    (['latitude', 'longitude'] as const)
      .filter((k) => Number.isNaN(coordinate(l[k])))
      .map((k) => ({ name: `locations.${i}.${k}`, code: 'invalid', reason: 'vul een getal in, zoals 52,03' })),
  );
}

function selfService(d: ProviderDraft) {
  return {
    domains: d.domains,
    specialisations: d.specialisations
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
    website: orNull(d.website),
    locations: d.locations.map((l) => ({
      ...(l.id ? { id: l.id } : {}),
      name: l.name,
      postcode: l.postcode,
      city: orNull(l.city),
      latitude: coordinate(l.latitude),
      longitude: coordinate(l.longitude),
    })),
  };
}

export function toCreate(d: ProviderDraft): ProviderCreate {
  return {
    agbCode: d.agbCode.trim(),
    kvkNumber: orNull(d.kvkNumber),
    name: d.name,
    active: d.active,
    tierLevelIds: d.tierLevelIds,
    ...selfService(d),
  };
}

/** An aanbieder may only send its self-service fields; any other key would be refused with 403. */
export function toUpdate(d: ProviderDraft, selfServiceOnly: boolean): ProviderUpdate {
  if (selfServiceOnly) return selfService(d);
  return toCreate(d);
}

/** Field names as the API reports them, for the error summary. */
export const providerFieldLabels: Record<string, Msg> = {
  agbCode: 'AGB-code',
  kvkNumber: 'KvK-nummer',
  name: 'Naam',
  domains: 'Domeinen',
  specialisations: 'Specialisaties',
  website: 'Website',
  active: 'Actief',
  tierLevelIds: 'Niveaus',
  locations: 'Locaties',
  'locations.item': 'Locatie',
  'locations.name': 'Naam',
  'locations.postcode': 'Postcode',
  'locations.city': 'Plaats',
  'locations.latitude': 'Breedtegraad',
  'locations.longitude': 'Lengtegraad',
};
