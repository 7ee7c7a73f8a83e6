/**
 * The steering indicators (KPIs) as server, UI, exports and the quarterly report all name them. The formulas live in
 * docs/kpi.md and in src/server/modules/monitoring/kpis/, one file per KPI.
 */

export const kpiIds = [
  'youths_in_care',
  'inflow',
  'outflow',
  'spend',
  'spend_forecast',
  'request_wait_days',
  'allocation_wait_days',
  'dropout',
  'ended_per_plan',
  'repeat_care_6m',
  'repeat_care_12m',
  'goal_without_help',
  'goal_problems_reduced',
  'goal_goals_met',
  'length_of_stay',
  'ambulant_stay_ratio',
  'family_care_share',
  'residential_youths',
  'outside_region_share',
  'outside_region_location_share',
  'youths_18_plus',
  'youths_youth_protection',
  'youths_youth_probation',
  'satisfaction',
] as const;
export type KpiId = (typeof kpiIds)[number];

/** How a value reads: a count of youths, a percentage, a number of days, euros, or a plain ratio. */
export const kpiUnits = ['youths', 'percent', 'days', 'euro', 'ratio', 'score'] as const;
export type KpiUnit = (typeof kpiUnits)[number];

/** Whether a higher value is better (satisfaction), worse (drop-out), or neither (a count of youths in care). */
export type KpiDirection = 'higher-is-better' | 'lower-is-better' | 'neutral';

export interface KpiDefinitionInfo {
  id: KpiId;
  name: string;
  nameEn: string;
  unit: KpiUnit;
  direction: KpiDirection;
  /** One Dutch sentence for screens and the report; the full definition is in docs/kpi.md. */
  description: string;
}

export const kpiGroupings = ['region', 'municipality', 'provider', 'productCategory', 'lot', 'budgetLine'] as const;
export type KpiGroupBy = (typeof kpiGroupings)[number];
export const kpiGroupLabels = {
  region: 'Regio',
  municipality: 'Gemeente',
  provider: 'Aanbieder',
  productCategory: 'Productcategorie',
  lot: 'Perceel',
  budgetLine: 'Begrotingspost',
} as const satisfies Record<KpiGroupBy, string>;

/** Filters narrow the trajectories before grouping; the drill-down region → municipality → provider → category sets them one by one. */
export interface KpiFilters {
  municipality?: string;
  provider?: string;
  productCategory?: string;
  lot?: string;
}

export interface KpiPeriod {
  /** First and last day, inclusive (ISO dates). */
  from: string;
  to: string;
  /** As asked: 2025, 2025Q3, 2025-07 or 2025-01-01/2025-06-30. */
  label: string;
  /**
   * In answers: true while the period's declarations cannot be complete yet (voorlopig, docs/kpi.md): before `finalOn`,
   * the region's lag after the period's last day.
   */
  provisional?: boolean;
  finalOn?: string;
}

/** One published figure. When fewer than the threshold of youths stand behind it, every number is null. */
export interface KpiCell {
  key: string;
  label: string;
  value: number | null;
  /** The same figure for the previous period of equal length. */
  previous: number | null;
  /** True when the previous period's figure is withheld (small numbers), not merely absent. */
  previousSuppressed?: boolean;
  numerator: number | null;
  denominator: number | null;
  /** Distinct youths behind the figure (null when suppressed). */
  youths: number | null;
  suppressed: boolean;
  /** Budget for the period, and for spend_forecast the year's budget (euro), where the KPI has one. */
  budget?: number | null;
  /** The target that applies to this cell and whether the value crosses it. */
  target?: { value: number; comparator: 'atMost' | 'atLeast'; met: boolean } | null;
}

export interface KpiResult {
  kpi: KpiDefinitionInfo;
  /** False when the region has no data this KPI needs (e.g. no experience data): rows are empty. */
  available: boolean;
  total: KpiCell;
  rows: KpiCell[];
}

/**
 * Whether the figures can be shown: 'building' while the facts were never built (no figures then), else 'ready' with
 * the facts as of `asOf` (ISO 8601); `refreshing` while a newer refresh is asked for or running.
 */
export interface KpiFactsState {
  state: 'ready' | 'building';
  asOf: string | null;
  refreshing: boolean;
}

export interface KpiResponse {
  /** The facts the figures come from; `data` is empty while they are being built. */
  facts: KpiFactsState;
  period: KpiPeriod;
  previousPeriod: KpiPeriod;
  groupBy: KpiGroupBy;
  filters: KpiFilters;
  /** Cells with fewer youths than this are suppressed. */
  suppressionThreshold: number;
  /**
   * The rounding of published figures (docs/kpi.md): counts to `count`, euros to `euro`, shares and ratios from the
   * rounded counts; null when the figures are exact (roles that may read the trajectories themselves).
   */
  rounding: { count: number; euro: number } | null;
  /**
   * The data date: the day up to which the region's messages are taken as complete (docs/kpi.md, "Data date"); herhaald
   * beroep counts only endings whose follow-up window ends by it. Null while the facts are being built or hold nothing.
   */
  dataDate: string | null;
  /**
   * The trajectories in scope in care during the period whose product code the region's product book does not know
   * (they count by their productcategorie), for the roles that see exact figures; null for published figures.
   */
  unknownProducts: KpiUnknownProducts | null;
  data: KpiResult[];
}

export interface KpiUnknownProducts {
  trajectories: number;
  codes: string[];
}

export const kpiDefinitions: readonly KpiDefinitionInfo[] = [
  {
    id: 'youths_in_care',
    name: 'Jeugdigen in zorg',
    nameEn: 'Youths in care',
    unit: 'youths',
    direction: 'neutral',
    description:
      'Unieke jeugdigen met een jeugdhulptraject dat in de periode liep (zonder jeugdbescherming en jeugdreclassering).',
  },
  {
    id: 'inflow',
    name: 'Instroom',
    nameEn: 'Inflow',
    unit: 'youths',
    direction: 'neutral',
    description: 'Jeugdigen in zorg in de periode die de dag vóór de periode geen traject hadden.',
  },
  {
    id: 'outflow',
    name: 'Uitstroom',
    nameEn: 'Outflow',
    unit: 'youths',
    direction: 'neutral',
    description: 'Jeugdigen in zorg in de periode die op de laatste dag van de periode geen traject meer hadden.',
  },
  {
    id: 'spend',
    name: 'Uitgaven',
    nameEn: 'Spend',
    unit: 'euro',
    direction: 'lower-is-better',
    description: 'Gedeclareerd bedrag (JW323) over de periode, naast het begrote bedrag voor de periode.',
  },
  {
    id: 'spend_forecast',
    name: 'Prognose jaareinde',
    nameEn: 'Year-end forecast',
    unit: 'euro',
    direction: 'lower-is-better',
    description:
      'Verwachte uitgaven over het hele jaar: gedeclareerd tot nu plus de lopende toewijzingen en de run rate.',
  },
  {
    id: 'request_wait_days',
    name: 'Wachttijd vanaf aanvraag',
    nameEn: 'Wait from request',
    unit: 'days',
    direction: 'lower-is-better',
    description:
      'Mediaan aantal dagen van de aanvraag van de aanbieder (JW315) tot de start van de zorg, voor trajecten met een aanvraag die in de periode startten.',
  },
  {
    id: 'allocation_wait_days',
    name: 'Wachttijd vanaf toewijzing',
    nameEn: 'Wait from allocation',
    unit: 'days',
    direction: 'lower-is-better',
    description:
      'Mediaan aantal dagen van de toewijzing door de gemeente (JW301) tot de start van de zorg, voor trajecten met een toewijzing die in de periode startten.',
  },
  {
    id: 'dropout',
    name: 'Uitval',
    nameEn: 'Drop-out',
    unit: 'percent',
    direction: 'lower-is-better',
    description: 'Aandeel beëindigde trajecten dat voortijdig eindigde (reden 32–35).',
  },
  {
    id: 'ended_per_plan',
    name: 'Beëindigd volgens plan',
    nameEn: 'Ended as planned',
    unit: 'percent',
    direction: 'higher-is-better',
    description:
      'Aandeel beëindigde trajecten dat volgens plan eindigde (reden 31 of uitstroom naar een ander domein).',
  },
  {
    id: 'repeat_care_6m',
    name: 'Herhaald beroep binnen 6 maanden',
    nameEn: 'Re-entry within 6 months',
    unit: 'percent',
    direction: 'lower-is-better',
    description: 'Aandeel beëindigde trajecten waarna binnen 6 maanden opnieuw jeugdhulp startte.',
  },
  {
    id: 'repeat_care_12m',
    name: 'Herhaald beroep binnen 12 maanden',
    nameEn: 'Re-entry within 12 months',
    unit: 'percent',
    direction: 'lower-is-better',
    description: 'Aandeel beëindigde trajecten waarna binnen 12 maanden opnieuw jeugdhulp startte.',
  },
  {
    id: 'goal_without_help',
    name: 'Zonder hulp verder',
    nameEn: 'Continues without help',
    unit: 'percent',
    direction: 'higher-is-better',
    description:
      'Uitkomstenset 3.1: aandeel van de beëindigde toewijzingen waarvoor de aanbieder doelrealisatie vastlegde, waarna de jeugdige zonder hulp verder kan.',
  },
  {
    id: 'goal_problems_reduced',
    name: 'Problemen verminderd',
    nameEn: 'Problems reduced',
    unit: 'percent',
    direction: 'higher-is-better',
    description:
      'Uitkomstenset 3.3: aandeel van de vastgelegde beëindigde toewijzingen waarbij de problemen verminderd zijn of de zelfredzaamheid is toegenomen.',
  },
  {
    id: 'goal_goals_met',
    name: 'Doelen gerealiseerd',
    nameEn: 'Agreed goals met',
    unit: 'percent',
    direction: 'higher-is-better',
    description:
      'Uitkomstenset 3.4: aandeel van de vastgelegde beëindigde toewijzingen waarbij de overeengekomen doelen volledig zijn gerealiseerd.',
  },
  {
    id: 'length_of_stay',
    name: 'Gemiddelde verblijfsduur',
    nameEn: 'Average length of stay',
    unit: 'days',
    direction: 'lower-is-better',
    description: 'Gemiddeld aantal dagen van start tot einde, voor beëindigde trajecten met verblijf.',
  },
  {
    id: 'ambulant_stay_ratio',
    name: 'Verhouding ambulant / verblijf',
    nameEn: 'Ratio ambulant / with stay',
    unit: 'ratio',
    direction: 'higher-is-better',
    description:
      'Hoeveel jeugdigen ambulante zorg hebben (zonder verblijf; geen crisishulp, jeugdbescherming of jeugdreclassering) per jeugdige met zorg met verblijf: 10 : 1 is tien ambulant op één met verblijf. Hoger is meer zorg dichtbij huis.',
  },
  {
    id: 'family_care_share',
    name: 'Aandeel pleegzorg en gezinshuizen',
    nameEn: 'Share foster care and family homes',
    unit: 'percent',
    direction: 'higher-is-better',
    description: 'Aandeel van de jeugdigen met verblijf dat in een pleeggezin of gezinshuis verblijft.',
  },
  {
    id: 'residential_youths',
    name: 'Jeugdigen in residentiële zorg',
    nameEn: 'Youths in residential care',
    unit: 'youths',
    direction: 'lower-is-better',
    description: 'Unieke jeugdigen met verblijf in een residentiële of gesloten voorziening.',
  },
  {
    id: 'outside_region_share',
    name: 'Aandeel zorg zonder contract voor het perceel',
    nameEn: 'Share of care not contracted for its lot',
    unit: 'percent',
    direction: 'lower-is-better',
    description:
      'Aandeel jeugdigen in zorg bij een aanbieder die voor het perceel van die zorg geen contract met de regio had.',
  },
  {
    id: 'outside_region_location_share',
    name: 'Aandeel zorg bij aanbieders zonder vestiging in de regio',
    nameEn: 'Share of care at providers without a location in the region',
    unit: 'percent',
    direction: 'lower-is-better',
    description:
      'Aandeel jeugdigen in zorg bij een aanbieder van wie geen enkele vestiging in een gemeente van de regio ligt (naar de postcode van de vestigingen).',
  },
  {
    id: 'youths_18_plus',
    name: 'Jeugdigen van 18 jaar en ouder',
    nameEn: 'Youths aged 18+',
    unit: 'youths',
    direction: 'neutral',
    description: 'Unieke jeugdigen in zorg die op de laatste dag van de periode 18 jaar of ouder zijn.',
  },
  {
    id: 'youths_youth_protection',
    name: 'Jeugdigen met jeugdbescherming',
    nameEn: 'Youths with youth protection',
    unit: 'youths',
    direction: 'neutral',
    description:
      'Unieke jeugdigen met een jeugdbeschermingsmaatregel (productcategorie 48) in de periode; apart van de jeugdhulp, zoals het CBS telt.',
  },
  {
    id: 'youths_youth_probation',
    name: 'Jeugdigen met jeugdreclassering',
    nameEn: 'Youths with youth probation',
    unit: 'youths',
    direction: 'neutral',
    description:
      'Unieke jeugdigen met jeugdreclassering (productcategorie 47) in de periode; apart van de jeugdhulp, zoals het CBS telt.',
  },
  {
    id: 'satisfaction',
    name: 'Cliënttevredenheid',
    nameEn: 'Client satisfaction',
    unit: 'score',
    direction: 'higher-is-better',
    description: 'Gemiddelde score uit ervaringsonderzoek, waar die gegevens er zijn.',
  },
];

/**
 * The follow-up window of herhaald beroep, in months: an ending counts once its whole window lies before the data date
 * (docs/kpi.md), so a recent period has no figure yet.
 */
export const followUpMonths: Partial<Record<KpiId, number>> = { repeat_care_6m: 6, repeat_care_12m: 12 };

export const kpiDefinitionById = new Map(kpiDefinitions.map((d) => [d.id, d]));

/** Default threshold below which a published cell is suppressed (configurable per installation). */
export const defaultSuppressionThreshold = 10;
