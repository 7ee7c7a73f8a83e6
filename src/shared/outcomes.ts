/**
 * Goal attainment (doelrealisatie) as providers register it per ended allocation: the harmonised outcome set's
 * measures 3.1, 3.3 and 3.4 (VNG and branches 2016, seeds 001 and 004 §2.3) with their answers, used by the server's
 * validation, the upload template and the UI alike.
 */

export const goalMeasures = [
  {
    key: 'withoutHelp',
    code: '3.1',
    column: 'zonder_hulp_verder',
    question: 'Kan de jeugdige (met het gezin) zonder hulp verder?',
    options: ['ja', 'nee'],
  },
  {
    key: 'problemsReduced',
    code: '3.3',
    column: 'problemen_verminderd',
    question: 'Zijn de problemen verminderd en/of is de zelfredzaamheid of participatie toegenomen?',
    options: ['ja', 'nee'],
  },
  {
    key: 'goalsMet',
    code: '3.4',
    column: 'doelen_gerealiseerd',
    question: 'In welke mate zijn de overeengekomen doelen gerealiseerd?',
    options: ['volledig', 'gedeeltelijk', 'niet'],
  },
] as const;

export type GoalMeasure = (typeof goalMeasures)[number];
export type GoalMeasureKey = GoalMeasure['key'];
export type WithoutHelp = (typeof goalMeasures)[0]['options'][number];
export type ProblemsReduced = (typeof goalMeasures)[1]['options'][number];
export type GoalsMet = (typeof goalMeasures)[2]['options'][number];

/** One registration's answers. */
export interface GoalAnswers {
  withoutHelp: WithoutHelp;
  problemsReduced: ProblemsReduced;
  goalsMet: GoalsMet;
}

/** The columns of the quarterly file, in order: the allocation's key, then one column per measure. */
export const goalFileColumns = ['gemeente', 'toewijzingnummer', ...goalMeasures.map((m) => m.column)] as const;

/** At most this many rows in one file: a large provider's quarter of endings in a region. */
export const goalFileMaxRows = 5000;

/** Below this share of ended allocations registered, figures carry a note (the region may set its own). */
export const defaultMinCompletenessPercent = 70;

/** The answer that counts for each measure's KPI: continues without help, problems reduced, goals fully met. */
export const goalPositive = { withoutHelp: 'ja', problemsReduced: 'ja', goalsMet: 'volledig' } as const;
