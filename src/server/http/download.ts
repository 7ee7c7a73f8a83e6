/**
 * The Content-Disposition of a download. A header may only carry ASCII, so a name with `€`, `ë` or a quote written
 * into `filename="…"` as is makes the runtime throw (a 500). RFC 6266 gives both: an ASCII `filename` for old
 * clients and, when the name is not plain ASCII, the exact name percent-encoded as UTF-8 in `filename*`, which
 * browsers prefer.
 */
export function attachment(fileName: string): string {
  const fallback =
    fileName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]|["\\%]/g, '_')
      .trim() || 'download';
  if (fallback === fileName) return `attachment; filename="${fileName}"`;
  const exact = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}
