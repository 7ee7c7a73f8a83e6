import ExcelJS from 'exceljs';
import type { OperationCase } from './matrix-operations.js';
import type { World } from './matrix-world.js';

let serial = 0;
const next = () => (serial += 1);

/** A products sheet of one new product for the side's region, sent as a preview (nothing is stored). */
async function productImport(side: World['a']) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Producten');
  sheet.addRow([
    'Productcode',
    'Naam',
    'Perceel',
    'Categorie',
    'Eenheid',
    'Financiering',
    'Met verblijf',
    'Vorm van verblijf',
    'Intensiteit',
    'Reisuren per fte',
    'Geldig vanaf',
    'Geldig tot',
    'Tarief 2025',
  ]);
  sheet.addRow([`I${next()}`, 'Import', side.region.lots[0]!.code, '45', '04', 'inspanningsgericht', 'nee']);
  sheet.getRow(2).getCell(11).value = '2025-01-01';
  sheet.getRow(2).getCell(12).value = '2025-12-31';
  sheet.getRow(2).getCell(13).value = 80;
  const form = new FormData();
  form.append('file', new File([new Uint8Array(await workbook.xlsx.writeBuffer())], 'producten.xlsx'));
  return { path: '/products/import', query: { regionId: side.region.id }, form };
}

const budgetYear = (side: World['a']) => ({
  regionId: side.region.id,
  fromYear: 2025,
  toYear: 2060 + (next() % 40),
  percent: 2.5,
});
const tariffYear = (side: World['a']) => ({ regionId: side.region.id, fromYear: 2026, toYear: 2027, percent: 2.5 });

/** How the permission matrix asks the bulk operations of the master data: indexations, exports and imports. */
export const bulkOperations: Record<string, OperationCase> = {
  'POST /budget-indexation-previews': {
    permission: 'budgets.edit',
    kind: 'create',
    own: (w) => ({ path: '/budget-indexation-previews', body: budgetYear(w.a) }),
    otherRegion: (w) => ({ path: '/budget-indexation-previews', body: budgetYear(w.b) }),
  },
  'POST /budget-indexations': {
    permission: 'budgets.edit',
    kind: 'create',
    own: (w) => ({ path: '/budget-indexations', body: budgetYear(w.a) }),
    otherRegion: (w) => ({ path: '/budget-indexations', body: budgetYear(w.b) }),
  },
  'POST /tariff-indexation-previews': {
    permission: 'products.edit',
    kind: 'create',
    own: (w) => ({ path: '/tariff-indexation-previews', body: tariffYear(w.a) }),
    otherRegion: (w) => ({ path: '/tariff-indexation-previews', body: tariffYear(w.b) }),
  },
  'POST /tariff-indexations': {
    permission: 'products.edit',
    kind: 'create',
    own: (w) => ({ path: '/tariff-indexations', body: tariffYear(w.a) }),
    otherRegion: (w) => ({ path: '/tariff-indexations', body: tariffYear(w.b) }),
  },
  'GET /products/missing-tariffs': {
    permission: 'products.read',
    kind: 'list',
    own: () => ({ path: '/products/missing-tariffs', query: { throughYear: '2027' } }),
    otherRegion: (w) => ({ path: '/products/missing-tariffs', query: { regionId: w.b.region.id } }),
  },
  'GET /products/export': {
    permission: 'products.read',
    kind: 'list',
    own: () => ({ path: '/products/export', query: { format: 'csv' } }),
    otherRegion: (w) => ({ path: '/products/export', query: { regionId: w.b.region.id, format: 'csv' } }),
  },
  'GET /products/template': {
    permission: 'products.edit',
    kind: 'list',
    own: () => ({ path: '/products/template' }),
  },
  'POST /products/import': {
    permission: 'products.edit',
    kind: 'create',
    own: (w) => productImport(w.a),
    otherRegion: (w) => productImport(w.b),
  },
};

/** A budget table of one cell for the side's region, sent as a preview. */
async function budgetImport(side: World['a']) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Budgetten');
  sheet.addRow(['CBS-code', 'Gemeente', 'Jaar', side.region.budgetLines[0]!.code]);
  sheet.addRow([side.region.municipalities[0]!.cbsCode, 'x', 2050, next()]);
  const form = new FormData();
  form.append('file', new File([new Uint8Array(await workbook.xlsx.writeBuffer())], 'budgetten.xlsx'));
  return { path: '/budgets/import', query: { regionId: side.region.id }, form };
}

/** The budget table's spreadsheet operations. */
export const budgetTransferOperations: Record<string, OperationCase> = {
  'GET /budgets/export': {
    permission: 'budgets.read',
    kind: 'create',
    own: (w) => ({ path: '/budgets/export', query: { regionId: w.a.region.id, format: 'csv' } }),
    otherRegion: (w) => ({ path: '/budgets/export', query: { regionId: w.b.region.id, format: 'csv' } }),
  },
  'GET /budgets/template': {
    permission: 'budgets.edit',
    kind: 'create',
    own: (w) => ({ path: '/budgets/template', query: { regionId: w.a.region.id, year: '2050' } }),
    otherRegion: (w) => ({ path: '/budgets/template', query: { regionId: w.b.region.id, year: '2050' } }),
  },
  'POST /budgets/import': {
    permission: 'budgets.edit',
    kind: 'create',
    own: (w) => budgetImport(w.a),
    otherRegion: (w) => budgetImport(w.b),
  },
};

/** The provider and contract lists exported. */
export const listExportOperations: Record<string, OperationCase> = {
  'GET /providers/export': {
    permission: 'providers.read',
    kind: 'list',
    own: () => ({ path: '/providers/export', query: { format: 'csv' } }),
  },
  'GET /contracts/export': {
    permission: 'contracts.read',
    kind: 'list',
    own: () => ({ path: '/contracts/export', query: { format: 'csv' } }),
    otherRegion: (w) => ({ path: '/contracts/export', query: { regionId: w.b.region.id, format: 'csv' } }),
  },
};

/** A providers workbook of one new provider, sent as a preview. */
async function providerImport() {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Aanbieders');
  sheet.addRow(['AGB-code', 'KvK-nummer', 'Naam', 'Domeinen', 'Specialisaties', 'Website', 'Actief']);
  sheet.addRow([String(90_000_000 + next()), null, 'Ingelezen aanbieder', 'JO', null, null, 'ja']);
  const form = new FormData();
  form.append('file', new File([new Uint8Array(await workbook.xlsx.writeBuffer())], 'aanbieders.xlsx'));
  return { path: '/providers/import', form };
}

/** The providers' template and import: installation-wide, for whoever may create providers. */
export const providerTransferOperations: Record<string, OperationCase> = {
  'GET /providers/template': {
    permission: 'providers.create',
    kind: 'list',
    own: () => ({ path: '/providers/template' }),
  },
  'POST /providers/import': {
    permission: 'providers.create',
    kind: 'create',
    own: () => providerImport(),
  },
};

/** A contracts workbook of one new contract of provider P for the side's region, sent as a preview. */
async function contractImport(w: World, side: World['a']) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Contracten');
  sheet.addRow(['Kenmerk', 'AGB-code', 'Perceel', 'Combinatie', 'Startdatum', 'Einddatum', 'Procedure']);
  // Far ahead, so it overlaps no contract the world holds; a preview stores nothing.
  const year = 2080 + (next() % 15);
  sheet.addRow([`IMP-${next()}`, w.own.agbCode, side.region.lots[0]!.code, null, `${year}-01-01`, `${year}-12-31`]);
  sheet.getRow(1).getCell(8).value = 'Uitvoeringsvariant';
  sheet.getRow(1).getCell(9).value = 'Budgetplafond';
  sheet.getRow(1).getCell(10).value = 'Toelichting';
  sheet.getRow(2).getCell(7).value = 'open-house';
  sheet.getRow(2).getCell(8).value = 'inspanningsgericht';
  const form = new FormData();
  form.append('file', new File([new Uint8Array(await workbook.xlsx.writeBuffer())], 'contracten.xlsx'));
  return { path: '/contracts/import', query: { regionId: side.region.id }, form };
}

/** The contracts' template and import, for whoever may edit contracts in the region. */
export const contractTransferOperations: Record<string, OperationCase> = {
  'GET /contracts/template': {
    permission: 'contracts.edit',
    kind: 'list',
    own: () => ({ path: '/contracts/template' }),
  },
  'POST /contracts/import': {
    permission: 'contracts.edit',
    kind: 'create',
    own: (w) => contractImport(w, w.a),
    otherRegion: (w) => contractImport(w, w.b),
  },
};
