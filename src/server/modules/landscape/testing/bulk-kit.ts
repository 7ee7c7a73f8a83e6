import ExcelJS from 'exceljs';
import { buildRegion } from '../../../testing/factories.js';
import { buildUser, type TestContext } from '../../../testing/harness.js';

/** Helpers of the bulk tests (bulk.test.ts, bulk-budgets.test.ts): a sheet as XLSX bytes, an upload, a region to work in. */

/** The rows as an XLSX workbook with one sheet, as a user saves it from Excel. */
export async function xlsx(
  rows: Array<Array<string | number | null>>,
  sheet = 'Producten',
): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(sheet);
  for (const row of rows) ws.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Uploads a file as the import pages do (multipart, field `file`). */
export async function upload(
  ctx: TestContext,
  token: string,
  path: string,
  bytes: Uint8Array<ArrayBuffer>,
  name = 'bestand.xlsx',
) {
  const form = new FormData();
  form.append('file', new File([bytes], name));
  const res = await ctx.app.request(`/api/v1${path}`, {
    method: 'POST',
    body: form,
    headers: { Authorization: `Bearer ${token}` },
  });
  return { status: res.status, body: await res.json() };
}

/** A fresh region and a contract manager's token in it. */
export async function setup(ctx: TestContext) {
  const region = await buildRegion(ctx);
  const { token } = await buildUser(ctx, 'contractmanager', undefined, region.id);
  return { region, token };
}
