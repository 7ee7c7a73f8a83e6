/**
 * The one permission table: every operation of the API and every page of the UI names one of these permissions,
 * and this table alone says who holds it and over what. The server enforces it per route (`x-permission` in the
 * OpenAPI document), the UI asks `can()` to hide what would be refused, the README's role table is checked against
 * it, and the permission-matrix test walks every operation as every audience.
 *
 * Audiences are the five roles of a signed-in account, plus two without an account:
 * - `public`: anyone, without signing in (health, sign-in, later the public availability figures);
 * - `token`: the holder of a one-time token (later: a young person or parent answering a questionnaire).
 *
 * Scopes say over which data a grant runs; the server resolves the actor's scope once per request:
 * - `installation`: every region of this installation (a beheerder without a region: the installation's keeper);
 * - `region`: the actor's own region (a user belongs to one region);
 * - `ownProvider`: only the actor's own provider (an aanbieder; also a provider without a contract yet);
 * - `self`: only the actor's own account or session;
 * - `token`: only what the token names;
 * - `public`: nothing personal; published, small-number-protected figures only.
 */
import { roles, type Role } from './domain.js';

export type Audience = Role | 'public' | 'token';
export type Scope = 'installation' | 'region' | 'ownProvider' | 'self' | 'token' | 'public';

export interface PermissionDefinition {
  /** What the permission allows, in Dutch, as the README and the OpenAPI document show it. */
  description: string;
  /** Who holds it, and over what. An audience that is not listed does not hold it. */
  grants: Partial<Record<Audience, Scope>>;
}

/** A beheerder keeps its region, or the whole installation when it belongs to none. */
const keeper = { beheerder: 'region' } as const;
const backoffice = { ...keeper, contractmanager: 'region' } as const;
const backofficeAndPolicy = { ...backoffice, beleid: 'region' } as const;
const everyRole = { ...backofficeAndPolicy, verwijzer: 'region', aanbieder: 'ownProvider' } as const;
const signedIn = Object.fromEntries(roles.map((r) => [r, 'self'])) as Record<Role, 'self'>;
const everyRoleInPublic = Object.fromEntries(roles.map((r) => [r, 'public'])) as Record<Role, 'public'>;

export const permissionTable = {
  // --- System and sign-in
  'health.read': { description: 'Zien of de dienst werkt', grants: { public: 'public', ...signedIn } },
  'auth.signIn': { description: 'Inloggen en de inlogmethoden zien', grants: { public: 'public', ...signedIn } },
  'apiDocs.read': {
    description: 'De beschrijving van de API lezen (OpenAPI)',
    grants: { public: 'public', ...signedIn },
  },
  'session.read': { description: 'Het eigen account en de eigen sessie zien of beëindigen', grants: signedIn },
  'account.password': {
    description: 'Het eigen wachtwoord wijzigen (met het huidige wachtwoord)',
    grants: signedIn,
  },
  'passwordReset.use': {
    description: 'Met een eenmalige link van de beheerder een nieuw wachtwoord instellen (wie de link heeft)',
    grants: { token: 'token' },
  },

  // --- Administration
  'users.read': { description: 'Gebruikers van de regio zien', grants: keeper },
  'users.manage': {
    description:
      'Gebruikers toevoegen, wijzigen, (de)activeren en een link geven om een nieuw wachtwoord in te stellen',
    grants: keeper,
  },
  'audit.read': { description: 'Het audit-log lezen', grants: keeper },
  'jobs.read': { description: 'De achtergrondtaken met hun runs en fouten zien', grants: keeper },
  'jobs.run': { description: 'Een achtergrondtaak nu laten uitvoeren', grants: keeper },
  'mail.read': {
    description: 'Het postvak uit zien: verzonden, wachtende en mislukte e-mails, met hun tekst',
    grants: keeper,
  },
  'mail.manage': { description: 'Een mislukte of niet verzonden e-mail opnieuw laten verzenden', grants: keeper },

  // --- The region's frame
  'regions.create': { description: 'Een regio aanmaken', grants: { beheerder: 'installation' } },
  'regions.read': {
    description: 'Het kader van de regio lezen: gemeenten, percelen, begrotingsposten en niveaus',
    grants: backofficeAndPolicy,
  },
  'regions.reference': {
    description: 'De namen van de gemeenten en percelen van de regio lezen (voor filters en formulieren)',
    grants: everyRole,
  },
  'regions.edit': {
    description: 'Gemeenten, percelen, begrotingsposten en niveaus toevoegen en wijzigen',
    grants: backoffice,
  },
  'codelists.read': { description: 'De iJw-codelijsten lezen', grants: everyRole },

  // --- Landscape
  'providers.read': { description: 'Aanbieders lezen (een aanbieder: alleen de eigen)', grants: everyRole },
  'providers.create': { description: 'Een aanbieder vastleggen', grants: backoffice },
  'providers.edit': {
    description:
      'Een aanbieder wijzigen (een aanbieder: alleen domeinen, specialisaties, website en locaties van de eigen)',
    grants: { ...backoffice, aanbieder: 'ownProvider' },
  },
  'combinations.read': {
    description: 'Combinaties van aanbieders lezen (een aanbieder: alleen die waarin hij zit)',
    grants: everyRole,
  },
  'combinations.edit': { description: 'Combinaties vastleggen', grants: backoffice },
  'contracts.read': { description: 'Contracten lezen (een aanbieder: alleen de eigen)', grants: everyRole },
  'contracts.terms': {
    description: 'De budgetplafonds en toelichtingen van contracten lezen',
    grants: backofficeAndPolicy,
  },
  'contracts.edit': { description: 'Contracten vastleggen en wijzigen', grants: backoffice },
  'products.read': { description: 'Producten en tarieven lezen', grants: everyRole },
  'products.edit': { description: 'Producten en tarieven vastleggen en wijzigen', grants: backoffice },
  'budgets.read': { description: 'Budgetten per gemeente en begrotingspost lezen', grants: backofficeAndPolicy },
  'budgets.edit': { description: 'Budgetten vastleggen en wijzigen', grants: backoffice },
  'postcodes.import': {
    description:
      'De ligging van postcodegebieden (PC4-middelpunten) inlezen, voor afstanden in de beschikbaarheid (hele installatie)',
    grants: { beheerder: 'installation' },
  },
  'municipalityList.import': {
    description:
      'De officiële lijst van gemeenten van CBS inlezen, waartegen de gemeentecodes van regio’s worden gecontroleerd (hele installatie)',
    grants: { beheerder: 'installation' },
  },

  // --- Availability (Beschikbaarheidswijzer)
  'availability.search': {
    description: 'Gecontracteerde aanbieders met plek zoeken: wachttijden, plaatsen en hoe aan te melden',
    grants: { ...backofficeAndPolicy, verwijzer: 'region' },
  },
  'availability.read': {
    description:
      'De beschikbaarheid van aanbieders lezen, met wie wat wanneer bijwerkte (een aanbieder: alleen de eigen)',
    grants: { ...backofficeAndPolicy, aanbieder: 'ownProvider' },
  },
  'availability.edit': {
    description:
      'Beschikbaarheid, wachttijden, cliëntenstop en aanmeldroute bijwerken en bevestigen (een aanbieder: alleen de eigen)',
    grants: { ...backoffice, aanbieder: 'ownProvider' },
  },
  'availability.public': {
    description: 'De wachttijden van de regio op regioniveau zien, zonder inloggen (kleine aantallen weggelaten)',
    grants: { public: 'public', ...everyRoleInPublic },
  },
  'availability.settings': {
    description: 'De bijwerktermijn, de wachttijdnormen en de lijst van specialisaties van de regio vastleggen',
    grants: backoffice,
  },

  // --- iJw exchange
  'imports.create': { description: 'iJw-berichten inlezen', grants: backoffice },
  'imports.read': {
    description: 'De berichtenhistorie en quarantaine lezen (zonder downloads)',
    grants: backofficeAndPolicy,
  },
  'imports.download': {
    description: 'Retourberichten en bestanden in quarantaine downloaden',
    grants: backoffice,
  },
  'imports.handle': {
    description: 'Bestanden in quarantaine afhandelen: als behandeld markeren met een notitie, of weer openzetten',
    grants: backoffice,
  },
  'trajectories.read': {
    description: 'Zorgtrajecten lezen, met cliënten als pseudoniem (een aanbieder: alleen de eigen)',
    grants: { ...backoffice, aanbieder: 'ownProvider' },
  },

  // --- Steering information
  'kpis.read': {
    description: 'Stuurinformatie, signalen en kwartaalrapportages lezen (een aanbieder: alleen de eigen cijfers)',
    grants: { ...backofficeAndPolicy, aanbieder: 'ownProvider' },
  },
  'targets.read': { description: 'Doelen en drempels op KPI’s lezen', grants: backofficeAndPolicy },
  'reports.read': {
    description: 'De toelichting van de regio en de uitgegeven kwartaalrapportages lezen en downloaden',
    grants: backofficeAndPolicy,
  },
  'reports.edit': {
    description: 'De toelichting van de regio per kwartaal schrijven en een kwartaalrapportage vaststellen en uitgeven',
    grants: backofficeAndPolicy,
  },
  'targets.edit': { description: 'Doelen en drempels op KPI’s vastleggen en wijzigen', grants: backoffice },

  // --- Outcomes (doelrealisatie)
  'goalAttainment.read': {
    description:
      'De doelrealisatie (uitkomstenset 3.1, 3.3 en 3.4) en de volledigheid per aanbieder lezen (een aanbieder: de eigen, met de regio ernaast)',
    grants: { ...backofficeAndPolicy, aanbieder: 'ownProvider' },
  },
  'goalAttainment.register': {
    description:
      'Doelrealisatie vastleggen per beëindigde toewijzing, één voor één of als kwartaalbestand (alleen de eigen toewijzingen)',
    grants: { aanbieder: 'ownProvider' },
  },
  'goalAttainment.settings': {
    description: 'De drempel vastleggen waaronder de doelrealisatie te onvolledig is om op te vertrouwen',
    grants: backoffice,
  },

  // --- Supplier management (leveranciersmanagement)
  'contractCalendar.read': {
    description:
      'De contractkalender lezen: aflopende contracten, verlengingsbesluiten, uitgaven tegen het budgetplafond en de jaarlijkse NZa-lijst',
    grants: backofficeAndPolicy,
  },
  'tiers.read': {
    description:
      'De voorgestelde indeling van aanbieders met de cijfers erachter en de geschiedenis van indelingen met redenen lezen',
    grants: backofficeAndPolicy,
  },
  'providerPack.read': {
    description:
      'Het dossier van een aanbieder voor een overleg lezen en als PDF downloaden: contracten met uitgaven tegen het plafond, kerncijfers, signalen, beschikbaarheid, acties en besluiten (een aanbieder: alleen het eigen dossier)',
    grants: { ...backofficeAndPolicy, aanbieder: 'ownProvider' },
  },
  'tiers.edit': {
    description:
      'De indeling van een aanbieder bevestigen of afwijken met een reden, en de weging van de regio vastleggen',
    grants: backoffice,
  },

  // --- Veelgestelde vragen voor aanbieders (region-wide texts, nothing of one provider: an aanbieder reads its region's)
  'faq.read': {
    description:
      'De veelgestelde vragen voor aanbieders van de regio lezen en doorzoeken, met wat nieuw is sinds het vorige bezoek',
    grants: { ...backofficeAndPolicy, aanbieder: 'region' },
  },
  'faq.manage': {
    description: 'Veelgestelde vragen schrijven, publiceren, wijzigen en intrekken (ook concepten zien)',
    grants: backoffice,
  },
  // --- Client experience (Ervaringwijzer): for learning, never for purchasing or tiers
  'questionnaires.read': {
    description: 'De vragenlijsten van de Ervaringwijzer lezen, met al hun versies',
    grants: { ...backofficeAndPolicy, aanbieder: 'ownProvider' },
  },
  'questionnaires.edit': {
    description:
      'Een nieuwe versie van een vragenlijst van de Ervaringwijzer vastleggen (vragen toevoegen of wijzigen)',
    grants: backoffice,
  },
  'invitations.read': {
    description:
      'Reeksen eenmalige uitnodigingen voor de Ervaringwijzer zien en downloaden (een aanbieder: alleen de eigen)',
    grants: { ...backoffice, aanbieder: 'ownProvider' },
  },
  'invitations.create': {
    description:
      'Reeksen eenmalige, anonieme uitnodigingen voor de Ervaringwijzer maken per aanbieder en product (een aanbieder: alleen voor zichzelf)',
    grants: { ...backoffice, aanbieder: 'ownProvider' },
  },
  'experienceResults.read': {
    description:
      'De uitkomsten van de Ervaringwijzer lezen, groepen onder 10 antwoorden weggelaten, met de gemodereerde open antwoorden (een aanbieder: de eigen, met die van de regio ernaast); alleen om van te leren, nooit voor inkoop of indeling',
    grants: { ...backofficeAndPolicy, aanbieder: 'ownProvider' },
  },
  'experienceResults.report': {
    description:
      'Het jaarverslag cliëntervaring (Jeugdwet art. 2.10) als PDF: het document van de regio, met dezelfde weggelaten groepen als de uitkomsten; niet voor aanbieders',
    grants: backofficeAndPolicy,
  },
  'experienceTexts.moderate': {
    description:
      'Open antwoorden van de Ervaringwijzer lezen zoals ze geschreven zijn, en ze ontdaan van namen en herkenbare details publiceren of afwijzen',
    grants: { contractmanager: 'region' },
  },
  'experience.answer': {
    description:
      'Met een eenmalige uitnodiging de vragenlijst van de Ervaringwijzer invullen, zonder account (wie de link heeft)',
    grants: { token: 'token' },
  },

  // --- Meetings with providers (overleggen)
  'meetings.read': {
    description:
      'Overleggen lezen met agenda, aanwezigheid, notulen, besluiten en acties (een aanbieder: alleen overleggen met de eigen organisatie, vastgestelde en conceptnotulen, de eigen reacties en acties)',
    grants: { ...backofficeAndPolicy, aanbieder: 'ownProvider' },
  },
  'meetings.edit': {
    description:
      'Overleggen plannen en vastleggen: agenda, genodigden, aanwezigheid, notulen vaststellen, besluiten, acties, escalaties en de thema’s',
    grants: backoffice,
  },
  'meetings.comment': {
    description: 'Reageren op conceptnotulen van een overleg met de eigen organisatie, binnen de reactietermijn',
    grants: { aanbieder: 'ownProvider' },
  },
  'meetingActions.close': {
    description: 'Een actie uit een overleg afronden met een toelichting (een aanbieder: alleen de eigen acties)',
    grants: { ...backoffice, aanbieder: 'ownProvider' },
  },
  'developmentTasks.read': {
    description:
      'De ontwikkelopgaven van de transformatietafels lezen: doel, maat met de KPI van de regio, deelnemers, mijlpalen en voortgang (een aanbieder: alleen die waaraan hij deelneemt)',
    grants: { ...backofficeAndPolicy, aanbieder: 'ownProvider' },
  },
  'developmentTasks.edit': {
    description: 'Ontwikkelopgaven vastleggen en bijwerken: doel, maat en KPI, deelnemers, mijlpalen en status',
    grants: backoffice,
  },
  'developmentTasks.note': {
    description:
      'Een voortgangsnotitie bij een lopende ontwikkelopgave schrijven (een aanbieder: alleen bij een opgave waaraan hij deelneemt)',
    grants: { ...backoffice, aanbieder: 'ownProvider' },
  },
  'meetingPlanner.read': {
    description:
      'De jaarplanner van overleggen lezen: wat gepland, gehouden en te laat is per aanbieder, en de uitnodigingen (.ics)',
    grants: backofficeAndPolicy,
  },
} as const satisfies Record<string, PermissionDefinition>;

export type Permission = keyof typeof permissionTable;
export const permissions = Object.keys(permissionTable) as Permission[];

/** The part of an actor the table needs; the server's Actor and the UI's User both have it. */
export interface PermissionSubject {
  role: Role;
}

/** The scope over which an audience holds a permission, or undefined when it does not hold it. */
export function scopeOf(audience: Audience, permission: Permission): Scope | undefined {
  const grants: Partial<Record<Audience, Scope>> = permissionTable[permission].grants;
  return grants[audience];
}

/**
 * Whether a signed-in user (or, with null, a visitor without an account) holds a permission at all. Whether it
 * reaches one particular object (its own provider, its own region) the server decides with the scope.
 */
export function can(subject: PermissionSubject | null, permission: Permission): boolean {
  return scopeOf(subject ? subject.role : 'public', permission) !== undefined;
}

/** The audiences that hold a permission: for the README's role table and the OpenAPI document. */
export function holders(permission: Permission): Audience[] {
  return Object.keys(permissionTable[permission].grants) as Audience[];
}
