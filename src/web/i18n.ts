import {
  createContext,
  createElement,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { featureMessages } from './features/messages';
import { formatCount } from './lib/format';

/**
 * The UI speaks Dutch; English is a switch in the header, kept in localStorage. The Dutch text is the key,
 * so the source reads like the screen, and the type of t() makes every key need an English entry. Values
 * may hold {placeholders}. Messages from the server stay Dutch: for validation they are the truth.
 * A feature with many strings keeps them in its own dictionary (features/exchange/i18n-exchange.ts), listed in
 * features/messages.ts and merged below.
 */
const core = {
  '4 cijfers, zoals 0356': '4 digits, such as 0356',
  '8 cijfers': '8 digits',
  '8 cijfers, mag leeg blijven': '8 digits, may be left empty',
  'AGB-code': 'AGB code',
  'AGB-code, KvK-nummer, naam, status en niveaus beheert de regio. U houdt de overige gegevens actueel.':
    'The region keeps the AGB code, KvK number, name, status and tiers. You keep the other details current.',
  'API-beschrijving (OpenAPI)': 'API description (OpenAPI)',
  Aanbieder: 'Provider',
  Aanbieders: 'Providers',
  'Aanbieders die samen een contract houden: een hoofdaannemer met onderaannemers.':
    'Providers that hold a contract together: a lead contractor with subcontractors.',
  Aangemaakt: 'Created',
  'Accountgesprekken per jaar': 'Account meetings per year',
  Actie: 'Action',
  Actief: 'Active',
  'Alle categorieën': 'All categories',
  'Alle domeinen': 'All domains',
  'Alle niveaus': 'All tiers',
  'Alle percelen': 'All lots',
  'Alle statussen': 'All statuses',
  'Alle varianten': 'All variants',
  'Alleen als een combinatie het contract houdt': 'Only when a combination holds the contract',
  'Alleen een beheerder beheert gebruikers.': 'Only an administrator manages users.',
  Annuleren: 'Cancel',
  'Audit-log': 'Audit log',
  'Bedrag in euro voor {where}': 'Amount in euro for {where}',
  'Begrotingspost toevoegen': 'Add budget line',
  Begrotingsposten: 'Budget lines',
  Beheerder: 'Administrator',
  Beleidsmedewerker: 'Policy officer',
  Besluitdatum: 'Decision date',
  Bewerken: 'Edit',
  Beëindigd: 'Ended',
  Budget: 'Budget',
  'Budget {year} per gemeente en begrotingspost': 'Budget {year} per municipality and budget line',
  Budgetplafond: 'Budget ceiling',
  'Budgetplafond (€)': 'Budget ceiling (€)',
  Budgetten: 'Budgets',
  'CBS-code': 'CBS code',
  Categorie: 'Category',
  Code: 'Code',
  Combinatie: 'Combination',
  Combinaties: 'Combinations',
  'Combinaties van {name}': 'Combinations of {name}',
  Contract: 'Contract',
  'Contract {reference}': 'Contract {reference}',
  'Contract {reference} bewerken': 'Edit contract {reference}',
  Contracten: 'Contracts',
  'Contracten van {name}': 'Contracts of {name}',
  Contractmanager: 'Contract manager',
  'De gegevens zijn opgeslagen.': 'The data has been saved.',
  'De gemeenten, percelen, begrotingsposten en niveaus waarmee de regio werkt.':
    'The municipalities, lots, budget lines and tiers the region works with.',
  'De hoofdaannemer hoort er altijd bij': 'The lead contractor is always a member',
  'De organisatie waarvoor deze gebruiker werkt': 'The organisation this user works for',
  'De regio heeft geen niveaus ingesteld.': 'The region has not set up any tiers.',
  Details: 'Details',
  'Deze pagina bestaat niet.': 'This page does not exist.',
  Domein: 'Domain',
  Domeinen: 'Domains',
  'E-mailadres': 'Email address',
  'Een heel getal van 0 tot en met 52; mag leeg blijven': 'A whole number from 0 to 52; may be left empty',
  'Een niveau in dezelfde indeling dat een aanbieder er niet bij mag hebben':
    'A tier in the same scheme that a provider may not hold as well',
  Eenheid: 'Unit',
  Einddatum: 'End date',
  'Einddatum met verlengingen': 'End date including extensions',
  Einde: 'End',
  'Enkelvoudig onderhands': 'Single private tender',
  'Er ging iets mis': 'Something went wrong',
  'Er is nog geen regio ingericht.': 'No region has been set up yet.',
  'Er zijn fouten': 'There are errors',
  'Europese aanbesteding': 'European tender',
  'Eén specialisatie per regel': 'One specialisation per line',
  'Filters wissen': 'Clear filters',
  Fout: 'Error',
  Gebruiker: 'User',
  Gebruikers: 'Users',
  Deactiveren: 'Deactivate',
  Activeren: 'Activate',
  Toegang: 'Access',
  '{name} kan niet meer inloggen.': '{name} can no longer sign in.',
  '{name} kan weer inloggen.': '{name} can sign in again.',
  Geen: 'None',
  'Geen aanbieders gevonden.': 'No providers found.',
  'Geen combinatie': 'No combination',
  'Geen combinaties.': 'No combinations.',
  'Geen contracten gevonden.': 'No contracts found.',
  'Geen contracten.': 'No contracts.',
  'Geen gebruikers.': 'No users.',
  'Geen intensiteit': 'No intensity',
  'Geen locaties vastgelegd.': 'No locations recorded.',
  'Geen perceel': 'No lot',
  'Geen producten gevonden.': 'No products found.',
  'Geen tarieven vastgelegd.': 'No tariffs recorded.',
  'Geen toegang': 'No access',
  'Geen verlengingen.': 'No extensions.',
  'Gegevens van uw organisatie': "Your organisation's details",
  'Geldig tot': 'Valid until',
  'Geldig vanaf': 'Valid from',
  Gemeente: 'Municipality',
  'Gemeente toevoegen': 'Add municipality',
  Gemeenten: 'Municipalities',
  Gewijzigd: 'Updated',
  'Gewijzigde velden: {fields}': 'Changed fields: {fields}',
  Hoofdaannemer: 'Lead contractor',
  Hoofdmenu: 'Main menu',
  Inactief: 'Inactive',
  Indeling: 'Scheme',
  Inloggen: 'Sign in',
  'Inloggen via uw organisatie': 'Sign in through your organisation',
  Inspanningsgericht: 'Effort-based',
  Intensiteit: 'Intensity',
  'Vorm van verblijf': 'Form of stay',
  'Geen vorm van verblijf': 'No form of stay',
  'Alleen bij zorg met verblijf; pleegzorg en gezinshuizen tellen als gezinsvormen.':
    'Only for care with stay; foster care and family homes count as family-based care.',
  Pleegzorg: 'Foster care',
  Gezinshuis: 'Family home',
  Residentieel: 'Residential',
  'Gesloten (jeugdzorgplus)': 'Closed (jeugdzorgplus)',
  'J&O': 'Youth & parenting (J&O)',
  Ja: 'Yes',
  Jaar: 'Year',
  'Jeugd-ggz': 'Youth mental health',
  Kenmerk: 'Reference',
  'Kenmerk of aanbieder': 'Reference or provider',
  'Kies de hoofdaannemer': 'Choose the lead contractor',
  'Kies een aanbieder': 'Choose a provider',
  'Kies een eenheid': 'Choose a unit',
  'Kies een perceel': 'Choose a lot',
  'Kies een procedure': 'Choose a procedure',
  'Kies een productcategorie': 'Choose a product category',
  'Kies een rol': 'Choose a role',
  'Kies een uitvoeringsvariant': 'Choose a funding variant',
  'KvK-nummer': 'KvK number',
  LVB: 'Mild intellectual disability (LVB)',
  'Laatst gewijzigd': 'Last changed',
  'Laden…': 'Loading…',
  Licht: 'Light',
  Locatie: 'Location',
  'Locatie toevoegen': 'Add location',
  'Locatie {n}': 'Location {n}',
  Locaties: 'Locations',
  Lopend: 'Running',
  'Lopend op': 'Running on',
  'Mag leeg blijven': 'May be left empty',
  'Met verblijf': 'With stay',
  Midden: 'Medium',
  'Minstens 12 tekens; leeg laten als de gebruiker via de organisatie (OIDC) inlogt':
    'At least 12 characters; leave empty when the user signs in through their organisation (OIDC)',
  Na: 'After',
  Naam: 'Name',
  'Naam of AGB-code': 'Name or AGB code',
  'Naar de inhoud': 'Skip to content',
  'Naar het overzicht': 'To the overview',
  Nee: 'No',
  'Niet actief': 'Not active',
  'Niet gevonden': 'Not found',
  'Nieuw contract': 'New contract',
  'Nieuw product': 'New product',
  'Nieuwe aanbieder': 'New provider',
  'Nieuwe combinatie': 'New combination',
  'Nieuwe einddatum': 'New end date',
  'Nieuwe gebruiker': 'New user',
  Niveau: 'Tier',
  'Niveau toevoegen': 'Add tier',
  Niveaus: 'Tiers',
  'Nog geen begrotingsposten.': 'No budget lines yet.',
  'Nog geen combinaties.': 'No combinations yet.',
  'Nog geen gemeenten.': 'No municipalities yet.',
  'Nog geen locaties.': 'No locations yet.',
  'Nog geen niveaus in deze indeling.': 'No tiers in this scheme yet.',
  'Nog geen percelen.': 'No lots yet.',
  'Nog geen tarieven.': 'No tariffs yet.',
  'Nog geen verlengingen.': 'No extensions yet.',
  'Nog niets vastgelegd.': 'Nothing recorded yet.',
  Notitie: 'Note',
  Object: 'Object',
  'Of log in met het account van uw organisatie.': "Or sign in with your organisation's account.",
  Omschrijving: 'Description',
  Omhoog: 'Move up',
  Omlaag: 'Move down',
  'Omvang en risico': 'Size and risk',
  Onderaannemer: 'Subcontractor',
  Onderaannemers: 'Subcontractors',
  'Open house': 'Open house',
  Opslaan: 'Save',
  Outputgericht: 'Output-based',
  Overzicht: 'Overview',
  'Pagina {page} van {total}': 'Page {page} of {total}',
  Paginering: 'Pagination',
  'U hebt wijzigingen die nog niet zijn opgeslagen. Wilt u deze pagina verlaten zonder op te slaan?':
    'You have changes that have not been saved. Leave this page without saving?',
  'sorteer aflopend': 'sort descending',
  'sorteer oplopend': 'sort ascending',
  Perceel: 'Lot',
  'Perceel toevoegen': 'Add lot',
  Percelen: 'Lots',
  Plaats: 'City',
  Postcode: 'Postcode',
  Procedure: 'Procedure',
  Product: 'Product',
  'Product {code} bewerken': 'Edit product {code}',
  Productcategorie: 'Product category',
  Productcode: 'Product code',
  'Productcode of naam': 'Product code or name',
  Producten: 'Products',
  Regio: 'Region',
  'Regionale code, hoogstens 5 tekens': 'Regional code, at most 5 characters',
  'Reistijd die in het tarief is inbegrepen, zoals 60': 'Travel time included in the tariff, such as 60',
  'Reisuren per fte per jaar': 'Travel hours per FTE per year',
  Rol: 'Role',
  'Rol in de combinatie': 'Role in the combination',
  'SAS 1': 'SAS 1',
  'SAS 2': 'SAS 2',
  'SAS 3': 'SAS 3',
  'SAS 4': 'SAS 4',
  'Sluit uit': 'Excludes',
  Specialisaties: 'Specialisations',
  Start: 'Start',
  Startdatum: 'Start date',
  Status: 'Status',
  Taakgericht: 'Task-based',
  Tarief: 'Tariff',
  'Tarief (€)': 'Tariff (€)',
  'Tarief toevoegen': 'Add tariff',
  'Tarief {n}': 'Tariff {n}',
  'Tarief {year}': 'Tariff {year}',
  Tarieven: 'Tariffs',
  'Terug naar de aanbieders': 'Back to the providers',
  'Terug naar de contracten': 'Back to the contracts',
  'Terug naar de producten': 'Back to the products',
  Tijdstip: 'Time',
  Toekomstig: 'Future',
  Toelichting: 'Notes',
  Toevoegen: 'Add',
  Totaal: 'Total',
  'U werkt in {name}.': 'You work in {name}.',
  Uitloggen: 'Sign out',
  Uitvoeringsvariant: 'Funding variant',
  'Uniek binnen de indeling, zoals hoog of A': 'Unique within the scheme, such as hoog or A',
  'Uniek in de regio, zoals AMB': 'Unique in the region, such as AMB',
  'Uniek in de regio, zoals LEK-2023-014': 'Unique in the region, such as LEK-2023-014',
  'Uniek in de regio, zoals ZIN': 'Unique in the region, such as ZIN',
  'Uw rol mag de combinaties niet inzien.': 'Your role may not view the combinations.',
  'Uw rol mag de regio niet inzien.': 'Your role may not view the region.',
  'Uw rol mag deze aanbieder niet wijzigen.': 'Your role may not change this provider.',
  'Uw rol mag geen aanbieders toevoegen.': 'Your role may not add providers.',
  'Uw rol mag geen contracten vastleggen.': 'Your role may not record contracts.',
  'Uw rol mag geen contracten wijzigen.': 'Your role may not change contracts.',
  'Uw rol mag geen producten vastleggen.': 'Your role may not record products.',
  'Uw rol mag geen producten wijzigen.': 'Your role may not change products.',
  Vastleggen: 'Record',
  'Laatste dag': 'Last day',
  'Combinatie wijzigen of beëindigen': 'Change or end the combination',
  'Alleen als de combinatie stopt; leeg laten zolang zij bestaat':
    'Only when the combination stops; leave empty while it exists',
  Verlenging: 'Extension',
  'Verlenging toevoegen': 'Add extension',
  'Verlenging {n}': 'Extension {n}',
  Verlengingen: 'Extensions',
  Verwijderd: 'Deleted',
  Ingezien: 'Viewed',
  Verwijderen: 'Remove',
  Verwijzer: 'Referrer',
  Volgende: 'Next',
  'Volledig webadres, zoals https://www.voorbeeld.nl': 'Full web address, such as https://www.example.org',
  Voor: 'Before',
  'Voor en na': 'Before and after',
  'Voor {year} zijn nog geen budgetten vastgelegd.': 'No budgets have been recorded for {year} yet.',
  Vorige: 'Previous',
  Wachtwoord: 'Password',
  Website: 'Website',
  'Welkom, {name}.': 'Welcome, {name}.',
  'Kies een bedrag om het te wijzigen; Enter slaat op, Escape annuleert.':
    'Choose an amount to change it; Enter saves, Escape cancels.',
  'Zoals de combinatie in contracten heet': 'As the combination is named in contracts',
  Zoeken: 'Search',
  Zwaar: 'Heavy',
  ', budget {where} invullen': ', enter budget {where}',
  ', wijzig budget {where}': ', change budget {where}',
  'locatie {n}': 'location {n}',
  'moet een bedrag zijn, zoals 250000 of 250.000,00': 'must be an amount, such as 250000 or 250,000.00',
  'moet een bedrag zijn, zoals 72,50': 'must be an amount, such as 72.50',
  'moet een heel getal zijn': 'must be a whole number',
  'tarief {n}': 'tariff {n}',
  'van locatie {n}': 'of location {n}',
  'van tarief {n}': 'of tariff {n}',
  'van verlenging {n}': 'of extension {n}',
  'verlenging {n}': 'extension {n}',
  'vul een jaartal in, zoals 2025': 'enter a year, such as 2025',
  'vul een tarief in': 'enter a tariff',
  '{count} aanbieder gevonden|{count} aanbieders gevonden': '{count} provider found|{count} providers found',
  '{count} combinatie|{count} combinaties': '{count} combination|{count} combinations',
  '{count} contract gevonden|{count} contracten gevonden': '{count} contract found|{count} contracts found',
  '{count} gebruiker|{count} gebruikers': '{count} user|{count} users',
  '{count} product gevonden|{count} producten gevonden': '{count} product found|{count} products found',
  '{count} gebeurtenis|{count} gebeurtenissen, nieuwste eerst': '{count} event|{count} events, newest first',
  '{name} bewerken': 'Edit {name}',
  '{name} is opgeslagen.': '{name} has been saved.',
  '{name} is toegevoegd aan {scheme}.': '{name} has been added to {scheme}.',
  '{name} is toegevoegd.': '{name} has been added.',
  Beheer: 'Administration',
  'Beschikbaarheid zoeken': 'Search availability',
  'Binnenkort zoekt u hier welke aanbieders plek hebben voor een jeugdige, en hoe lang de wachttijd is. Die zoekfunctie is er nog niet.':
    'Soon you will search here which providers have a place for a young person, and how long the wait is. That search is not there yet.',
  'Besluit over verlenging tot {until} uiterlijk {date}': 'Decision on the extension to {until} by {date}',
  'Besluiten en einddata van contracten': 'Contract decisions and end dates',
  'Contracten en inkoop': 'Contracts and procurement',
  'Dit overzicht kon niet worden geladen: {detail}': 'This overview could not be loaded: {detail}',
  Instrumenten: 'Instruments',
  Landschap: 'Landscape',
  'Locaties, domeinen en website bijwerken': 'Update locations, domains and website',
  'Loopt af op {end}': 'Ends on {end}',
  Menu: 'Menu',
  'Naar de contractkalender': 'To the contract calendar',
  'Producten en tarieven': 'Products and tariffs',
  Sturing: 'Steering',
  'Te laat: besluit over verlenging tot {until} was uiterlijk {date}':
    'Overdue: the decision on the extension to {until} was due by {date}',
  'Tot dan vindt u het aanbod van de regio hier:': "Until then, you find the region's care offer here:",
  'Uw contracten': 'Your contracts',
  'Uw organisatie': 'Your organisation',
  'Uw rol heeft geen toegang tot deze pagina.': 'Your role has no access to this page.',
  'Uw zorgtrajecten': 'Your care trajectories',
  'besluit over verlenging binnen 3 maanden of te laat|besluiten over verlenging binnen 3 maanden of te laat':
    'extension decision due within 3 months or overdue|extension decisions due within 3 months or overdue',
  'en nog {count} meer': 'and {count} more',
} as const satisfies Record<string, string>;

// A key in two dictionaries would have one of its translations silently lost: make that a type error.
type Dictionaries = readonly [typeof core, ...typeof featureMessages];
type KeysOf<T> = T extends readonly [infer Head, ...infer Rest] ? keyof Head | KeysOf<Rest> : never;
type Overlaps<T> = T extends readonly [infer Head, ...infer Rest]
  ? (keyof Head & KeysOf<Rest>) | Overlaps<Rest>
  : never;
const noOverlap: [Overlaps<Dictionaries>] extends [never] ? true : Overlaps<Dictionaries> = true;
void noOverlap;

export type Msg = KeysOf<Dictionaries>;
const en: Record<Msg, string> = Object.assign({}, core, ...featureMessages);
export type Lang = 'nl' | 'en';
export type Translate = (msg: Msg, vars?: Record<string, string | number>) => string;

const storageKey = 'zorglandschap.taal';

/**
 * A message in the given language with its {name}s filled in. A text with "one|other" forms, such as
 * '{count} traject gevonden|{count} trajecten gevonden', takes the first when the number `count` is 1 (Dutch and
 * English agree on that). A number given as `count` is a count and gets the language's thousands separator
 * ("2.663 trajecten gevonden"); other numbers, such as a {year}, are filled in as they are.
 */
export function translate(lang: Lang, msg: Msg, vars?: Record<string, string | number>): string {
  let text: string = lang === 'en' ? en[msg] : msg;
  if (text.includes('|')) {
    const [one, other] = text.split('|') as [string, string];
    text = vars?.count === 1 ? one : other;
  }
  if (!vars) return text;
  const shown = (name: string) => {
    const value = vars[name]!;
    return name === 'count' && typeof value === 'number' ? formatCount(value, lang) : String(value);
  };
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? shown(name) : whole));
}

function initialLang(): Lang {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

interface LanguageValue {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
}

const LanguageContext = createContext<LanguageValue>({
  lang: 'nl',
  setLang: () => undefined,
  t: (msg, vars) => translate('nl', msg, vars),
});

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // private mode: the choice then lasts for this page only
    }
  }, []);
  const t = useCallback<Translate>((msg, vars) => translate(lang, msg, vars), [lang]);
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return createElement(LanguageContext.Provider, { value }, children);
}

export function useT(): LanguageValue {
  return useContext(LanguageContext);
}
