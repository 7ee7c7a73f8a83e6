import { createContext, createElement, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

/**
 * The UI speaks Dutch; English is a switch in the header, kept in localStorage. The Dutch text is the key,
 * so the source reads like the screen, and the type of t() makes every key need an English entry. Values
 * may hold {placeholders}. Messages from the server stay Dutch: for validation they are the truth.
 */
const en = {
  '8 cijfers': '8 digits',
  '8 cijfers, mag leeg blijven': '8 digits, may be left empty',
  'AGB-code': 'AGB code',
  'AGB-code, KvK-nummer, naam, status en niveaus beheert de regio. U houdt de overige gegevens actueel.': 'The region keeps the AGB code, KvK number, name, status and tiers. You keep the other details current.',
  'API-beschrijving (OpenAPI)': 'API description (OpenAPI)',
  'Aanbieder': 'Provider',
  'Aanbieders': 'Providers',
  'Aangemaakt': 'Created',
  'Actie': 'Action',
  'Actief': 'Active',
  'Alle categorieën': 'All categories',
  'Alle domeinen': 'All domains',
  'Alle percelen': 'All lots',
  'Alle varianten': 'All variants',
  'Alleen als een combinatie het contract houdt': 'Only when a combination holds the contract',
  'Alleen een beheerder beheert gebruikers.': 'Only an administrator manages users.',
  'Annuleren': 'Cancel',
  'Audit-log': 'Audit log',
  'Audit-log bekijken': 'View the audit log',
  'Bedrag in euro voor {where}': 'Amount in euro for {where}',
  'Beheerder': 'Administrator',
  'Beleidsmedewerker': 'Policy officer',
  'Besluitdatum': 'Decision date',
  'Bewerken': 'Edit',
  'Beëindigd': 'Ended',
  'Budget': 'Budget',
  'Budget {year} per gemeente en begrotingspost': 'Budget {year} per municipality and budget line',
  'Budgetplafond': 'Budget ceiling',
  'Budgetplafond (€)': 'Budget ceiling (€)',
  'Budgetten': 'Budgets',
  'Budgetten per gemeente en post': 'Budgets per municipality and line',
  'Categorie': 'Category',
  'Combinatie': 'Combination',
  'Contract': 'Contract',
  'Contract {reference}': 'Contract {reference}',
  'Contract {reference} bewerken': 'Edit contract {reference}',
  'Contracten': 'Contracts',
  'Contracten van {name}': 'Contracts of {name}',
  'Contractmanager': 'Contract manager',
  'De gegevens zijn opgeslagen.': 'The data has been saved.',
  'De organisatie waarvoor deze gebruiker werkt': 'The organisation this user works for',
  'De regio heeft geen niveaus ingesteld.': 'The region has not set up any tiers.',
  'Details': 'Details',
  'Deze pagina bestaat niet.': 'This page does not exist.',
  'Domein': 'Domain',
  'Domeinen': 'Domains',
  'E-mailadres': 'Email address',
  'Eenheid': 'Unit',
  'Einddatum': 'End date',
  'Einddatum met verlengingen': 'End date including extensions',
  'Einde': 'End',
  'Enkelvoudig onderhands': 'Single private tender',
  'Er ging iets mis': 'Something went wrong',
  'Er zijn fouten': 'There are errors',
  'Europese aanbesteding': 'European tender',
  'Eén specialisatie per regel': 'One specialisation per line',
  'Filters wissen': 'Clear filters',
  'Fout': 'Error',
  'Gebruiker': 'User',
  'Gebruikers': 'Users',
  'Gebruikers beheren': 'Manage users',
  'Geen': 'None',
  'Geen aanbieders gevonden.': 'No providers found.',
  'Geen combinatie': 'No combination',
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
  'Gegevens van uw organisatie': 'Your organisation\'s details',
  'Geldig tot': 'Valid until',
  'Geldig vanaf': 'Valid from',
  'Gemeente': 'Municipality',
  'Gewijzigd': 'Updated',
  'Gewijzigde velden: {fields}': 'Changed fields: {fields}',
  'Hoofdmenu': 'Main menu',
  'Inactief': 'Inactive',
  'Inloggen': 'Sign in',
  'Inspanningsgericht': 'Effort-based',
  'Intensiteit': 'Intensity',
  'J&O': 'Youth & parenting (J&O)',
  'Ja': 'Yes',
  'Jaar': 'Year',
  'Jeugd-ggz': 'Youth mental health',
  'Kenmerk': 'Reference',
  'Kenmerk of aanbieder': 'Reference or provider',
  'Kies een aanbieder': 'Choose a provider',
  'Kies een eenheid': 'Choose a unit',
  'Kies een perceel': 'Choose a lot',
  'Kies een procedure': 'Choose a procedure',
  'Kies een productcategorie': 'Choose a product category',
  'Kies een rol': 'Choose a role',
  'Kies een uitvoeringsvariant': 'Choose a funding variant',
  'KvK-nummer': 'KvK number',
  'LVB': 'Mild intellectual disability (LVB)',
  'Laatst gewijzigd': 'Last changed',
  'Laden…': 'Loading…',
  'Licht': 'Light',
  'Locatie': 'Location',
  'Locatie toevoegen': 'Add location',
  'Locatie {n}': 'Location {n}',
  'Locaties': 'Locations',
  'Lopend': 'Running',
  'Lopend op': 'Running on',
  'Lopende contracten': 'Running contracts',
  'Mag leeg blijven': 'May be left empty',
  'Met verblijf': 'With stay',
  'Midden': 'Medium',
  'Minstens 12 tekens; leeg laten als de gebruiker via de organisatie (OIDC) inlogt': 'At least 12 characters; leave empty when the user signs in through their organisation (OIDC)',
  'Na': 'After',
  'Naam': 'Name',
  'Naam of AGB-code': 'Name or AGB code',
  'Naar de aanbieders': 'To the providers',
  'Naar de contracten': 'To the contracts',
  'Naar de inhoud': 'Skip to content',
  'Naar de producten': 'To the products',
  'Naar het overzicht': 'To the overview',
  'Nee': 'No',
  'Niet gevonden': 'Not found',
  'Nieuw contract': 'New contract',
  'Nieuw product': 'New product',
  'Nieuwe aanbieder': 'New provider',
  'Nieuwe einddatum': 'New end date',
  'Nieuwe gebruiker': 'New user',
  'Niveau': 'Tier',
  'Niveaus': 'Tiers',
  'Nog geen locaties.': 'No locations yet.',
  'Nog geen tarieven.': 'No tariffs yet.',
  'Nog geen verlengingen.': 'No extensions yet.',
  'Nog geen wijzigingen.': 'No changes yet.',
  'Notitie': 'Note',
  'Object': 'Object',
  'Omvang en risico': 'Size and risk',
  'Open house': 'Open house',
  'Opslaan': 'Save',
  'Outputgericht': 'Output-based',
  'Overzicht': 'Overview',
  'Pagina {page} van {total}': 'Page {page} of {total}',
  'Paginering': 'Pagination',
  'Perceel': 'Lot',
  'Plaats': 'City',
  'Postcode': 'Postcode',
  'Procedure': 'Procedure',
  'Product': 'Product',
  'Product {code} bewerken': 'Edit product {code}',
  'Productcategorie': 'Product category',
  'Productcode': 'Product code',
  'Productcode of naam': 'Product code or name',
  'Producten': 'Products',
  'Regio': 'Region',
  'Regionale code, hoogstens 5 tekens': 'Regional code, at most 5 characters',
  'Reistijd die in het tarief is inbegrepen, zoals 60': 'Travel time included in the tariff, such as 60',
  'Reisuren per fte per jaar': 'Travel hours per FTE per year',
  'Rol': 'Role',
  'SAS 1': 'SAS 1',
  'SAS 2': 'SAS 2',
  'SAS 3': 'SAS 3',
  'SAS 4': 'SAS 4',
  'Specialisaties': 'Specialisations',
  'Start': 'Start',
  'Startdatum': 'Start date',
  'Status': 'Status',
  'Taakgericht': 'Task-based',
  'Tarief': 'Tariff',
  'Tarief (€)': 'Tariff (€)',
  'Tarief toevoegen': 'Add tariff',
  'Tarief {n}': 'Tariff {n}',
  'Tarief {year}': 'Tariff {year}',
  'Tarieven': 'Tariffs',
  'Terug naar de aanbieders': 'Back to the providers',
  'Terug naar de contracten': 'Back to the contracts',
  'Terug naar de producten': 'Back to the products',
  'Tijdstip': 'Time',
  'Toekomstig': 'Future',
  'Toelichting': 'Notes',
  'Totaal': 'Total',
  'U werkt in {name}.': 'You work in {name}.',
  'Uitloggen': 'Sign out',
  'Uitvoeringsvariant': 'Funding variant',
  'Uniek in de regio, zoals LEK-2023-014': 'Unique in the region, such as LEK-2023-014',
  'Uw rol mag deze aanbieder niet wijzigen.': 'Your role may not change this provider.',
  'Uw rol mag geen aanbieders toevoegen.': 'Your role may not add providers.',
  'Uw rol mag geen contracten vastleggen.': 'Your role may not record contracts.',
  'Uw rol mag geen contracten wijzigen.': 'Your role may not change contracts.',
  'Uw rol mag geen producten vastleggen.': 'Your role may not record products.',
  'Uw rol mag geen producten wijzigen.': 'Your role may not change products.',
  'Verder': 'More',
  'Verlenging': 'Extension',
  'Verlenging toevoegen': 'Add extension',
  'Verlenging {n}': 'Extension {n}',
  'Verlengingen': 'Extensions',
  'Verwijderd': 'Deleted',
  'Verwijderen': 'Remove',
  'Verwijzer': 'Referrer',
  'Volgende': 'Next',
  'Volledig webadres, zoals https://www.voorbeeld.nl': 'Full web address, such as https://www.example.org',
  'Voor': 'Before',
  'Voor en na': 'Before and after',
  'Voor {year} zijn nog geen budgetten vastgelegd.': 'No budgets have been recorded for {year} yet.',
  'Vorige': 'Previous',
  'Wachtwoord': 'Password',
  'Website': 'Website',
  'Welkom, {name}.': 'Welcome, {name}.',
  'Kies een bedrag om het te wijzigen; Enter slaat op, Escape annuleert.': 'Choose an amount to change it; Enter saves, Escape cancels.',
  'Zoeken': 'Search',
  'Zwaar': 'Heavy',
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
  '{count} aanbieders gevonden': '{count} providers found',
  '{count} contracten gevonden': '{count} contracts found',
  '{count} gebruikers': '{count} users',
  '{count} producten gevonden': '{count} products found',
  '{count} wijzigingen, nieuwste eerst': '{count} changes, newest first',
  '{name} bewerken': 'Edit {name}',
} as const satisfies Record<string, string>;

export type Msg = keyof typeof en;
export type Lang = 'nl' | 'en';
export type Translate = (msg: Msg, vars?: Record<string, string | number>) => string;

const storageKey = 'zorglandschap.taal';

function fill(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
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

const LanguageContext = createContext<LanguageValue>({ lang: 'nl', setLang: () => undefined, t: (msg, vars) => fill(msg, vars) });

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
  const t = useCallback<Translate>((msg, vars) => fill(lang === 'en' ? en[msg] : msg, vars), [lang]);
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return createElement(LanguageContext.Provider, { value }, children);
}

export function useT(): LanguageValue {
  return useContext(LanguageContext);
}
