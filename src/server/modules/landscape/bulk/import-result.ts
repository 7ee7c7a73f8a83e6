import { z } from '@hono/zod-openapi';
import { AppError, ErrorCode } from '../../../http/errors.js';

/** What an import of master data did, or would do: one line per row of the sheet. */
export const ZImportResult = z
  .object({
    applied: z.boolean().describe('false: alleen een voorbeeld, er is niets opgeslagen'),
    rows: z.array(
      z.object({
        row: z.number().int().describe('Rijnummer in het blad'),
        key: z.string().describe('De sleutel van de rij (productcode, AGB-code, kenmerk, gemeente en post)'),
        name: z.string(),
        action: z.enum(['create', 'update', 'unchanged']),
        changes: z.array(z.string()).describe('De kolommen die veranderen'),
      }),
    ),
  })
  .openapi('ImportResult');
export type ImportResult = z.infer<typeof ZImportResult>;

/** The query of an import: the region it is for, and whether to store it (else a preview). */
export const ZImportQuery = z.object({
  regionId: z.uuid({ message: 'kies een regio' }),
  apply: z
    .enum(['true', 'false'], { message: 'true of false' })
    .default('false')
    .describe('true: opslaan (alles of niets); false: alleen laten zien wat er zou veranderen'),
});

/** The OpenAPI body of an upload: one XLSX in the multipart field "file". */
export const uploadBody = {
  content: {
    'multipart/form-data': {
      schema: {
        type: 'object' as const,
        properties: { file: { type: 'string' as const, format: 'binary' } },
        required: ['file'],
      },
    },
  },
  required: true,
};

/** The uploaded file of an import's multipart body, or a 400 naming the field. */
export async function uploadedFile(request: Request): Promise<{ name: string; bytes: Uint8Array }> {
  const form = await request.formData().catch(() => null);
  const file = form?.get('file');
  if (!file || typeof file === 'string')
    throw new AppError(ErrorCode.Validation, 'Geen bestand ontvangen', [
      { name: 'file', code: 'required', reason: 'kies een .xlsx-bestand' },
    ]);
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** Master-data imports are spreadsheets of at most a few thousand rows: 10 MB, two at a time. */
export const importUploadBytes = 10 * 1024 * 1024;
