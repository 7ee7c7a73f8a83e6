/**
 * The Ervaringwijzer's results as the API returns them and the web UI shows them (issue 18 item 4). Kept apart from
 * experience.ts so the light answer page does not load it.
 */
import type { ExperienceTheme } from './experience.js';
import { formatKpiValue } from './kpi-charts.js';

/** Groups with fewer answers than this are withheld everywhere: page, export, PDF and API. */
export const experienceResultsThreshold = 10;

/** How a withheld figure reads in every cell of a withheld group, on the page, in the PDF and in the export. */
export const experienceWithheldMark = `<${experienceResultsThreshold}`;

/** A count, a share of 100, or a mean score (the 1–10 mark, or a theme's mean on the 1–5 scale). */
export type ExperienceFigureKind = 'count' | 'percent' | 'score';

/**
 * One figure as the page and the PDF write it, with the app's own formatters so it reads as the dashboard does: a
 * count "1.234", a share "50 %" (formatKpiValue), and a mean score always with one decimal ("7,0" beside "7,1", so
 * a column of marks lines up and a whole mark does not look more exact or less measured than the rest).
 */
export function formatExperienceFigure(
  value: number | null,
  kind: ExperienceFigureKind,
  withheld = false,
  locale = 'nl-NL',
): string {
  if (withheld) return experienceWithheldMark;
  if (value === null) return '–';
  if (kind === 'score')
    return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  return formatKpiValue(value, kind === 'percent' ? 'percent' : 'youths', locale);
}

/** Why the region view has no sort by score, in the one sentence the page shows. */
export const noRankingReason =
  'De uitkomsten zijn er om van te leren, niet om aanbieders te rangschikken of in te kopen: daarom staan aanbieders op naam en is er geen sortering op score.';

export interface ExperienceFigures {
  /** Fewer than the threshold answers (or withheld with one that has): no figure at all. */
  withheld: boolean;
  answers: number | null;
  /** Invitations made in the year: not about any answer, so never withheld. */
  invitations: number;
  /** Of the year's invitations, the share answered so far (percent). */
  responseRate: number | null;
  /** The mean 1–10 mark for the effect of the help. */
  mark: number | null;
  /** Per theme: the share of smiley answers that is positive (4 or 5, percent) and their mean (1–5). */
  themes: Record<ExperienceTheme, { positive: number | null; mean: number | null }>;
}

export interface ExperienceGroup extends ExperienceFigures {
  key: string;
  label: string;
}

/** A moderated open answer as published: no day, no respondent; to an aanbieder only its own. */
export interface PublishedText {
  id: string;
  text: string;
  month: string;
  providerName: string;
  productCategory: string;
}

export interface ExperienceResults {
  year: number;
  threshold: number;
  /** 'region': every provider (backoffice); 'provider': an aanbieder's own, with the region beside. */
  view: 'region' | 'provider';
  region: ExperienceFigures;
  own: ExperienceFigures | null;
  /** In name order, never by score. Empty for an aanbieder. */
  byProvider: ExperienceGroup[];
  byProductCategory: ExperienceGroup[];
  byMunicipality: ExperienceGroup[];
  quarters: { quarter: string; region: ExperienceFigures; own: ExperienceFigures | null }[];
  texts: PublishedText[];
}

/** An open answer waiting for the contract manager: as written, with what it is about. */
export interface PendingText {
  id: string;
  text: string;
  month: string;
  providerName: string;
  productCategory: string;
}
