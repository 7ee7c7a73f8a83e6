import type { OperationCase } from './matrix-operations.js';
import type { World } from './matrix-world.js';

let serial = 0;
const next = () => (serial += 1);

/** One month of the side's budget line, a new month per probe. */
const realisationBody = (side: World['a']) => {
  const n = next();
  return {
    municipalityId: side.region.municipalities[0]!.id,
    budgetLineId: side.region.budgetLines[0]!.id,
    month: `${2040 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`,
    amount: 100 + n,
  };
};

/** The template of the side's line filled in for one municipality and sent as the import's multipart field. */
const importForm = (side: World['a']) => {
  const line = side.region.budgetLines[0]!;
  const m = side.region.municipalities[0]!;
  const csv = [
    'CBS-code;Gemeente;Post;Jaar;jan;feb;mrt;apr;mei;jun;jul;aug;sep;okt;nov;dec',
    `${m.cbsCode};${m.name};${line.code};2039;${next()};;;;;;;;;;;`,
  ].join('\r\n');
  const form = new FormData();
  form.append('file', new File([csv], 'realisatie.csv'));
  return { path: '/budget-realisations/import', query: { year: '2039', budgetLineId: line.id }, form };
};

/** How the permission matrix asks the budget realisation's and the money per line's operations. */
export const moneyOperations: Record<string, OperationCase> = {
  'GET /budget-realisations': {
    permission: 'budgets.read',
    kind: 'list',
    own: () => ({ path: '/budget-realisations', query: { year: '2040' } }),
    otherRegion: (w) => ({ path: '/budget-realisations', query: { year: '2040', regionId: w.b.region.id } }),
  },
  'PUT /budget-realisations': {
    permission: 'budgets.edit',
    kind: 'create',
    own: (w) => ({ path: '/budget-realisations', body: realisationBody(w.a) }),
    otherRegion: (w) => ({ path: '/budget-realisations', body: realisationBody(w.b) }),
  },
  'GET /budget-realisations/template': {
    permission: 'budgets.read',
    kind: 'create',
    own: (w) => ({
      path: '/budget-realisations/template',
      query: { year: '2040', budgetLineId: w.a.region.budgetLines[0]!.id },
    }),
    otherRegion: (w) => ({
      path: '/budget-realisations/template',
      query: { year: '2040', budgetLineId: w.b.region.budgetLines[0]!.id },
    }),
  },
  'POST /budget-realisations/import': {
    permission: 'budgets.edit',
    kind: 'create',
    own: (w) => importForm(w.a),
    otherRegion: (w) => importForm(w.b),
  },
  'GET /kpis/money': {
    permission: 'budgets.read',
    kind: 'list',
    own: (w) => ({ path: '/kpis/money', query: { region: w.a.region.code, period: '2025' } }),
    otherRegion: (w) => ({ path: '/kpis/money', query: { region: w.b.region.code, period: '2025' } }),
  },
};
