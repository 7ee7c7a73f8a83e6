-- An accepted declaration (JW323) is answered by a declaratie-antwoord (JW325) that repeats its DeclaratieNummer and
-- TotaalIngediendBedrag (IV087). Imports now keep those beside the header; files accepted before get them from the
-- declaration they were stored as (a credit total is negative there).
UPDATE "ijw_files" AS f
SET "retour_header" = f."retour_header" || jsonb_build_object('d', jsonb_build_array(
  d."declaration_number",
  abs(d."total_cents")::text,
  CASE WHEN d."total_cents" < 0 THEN 'C' ELSE 'D' END))
FROM "ijw_declarations" AS d
WHERE d."file_id" = f."id"
  AND f."message_type" = 'JW323'
  AND f."status" = 'accepted'
  AND jsonb_typeof(f."retour_header") = 'object'
  AND f."retour_header" -> 'd' IS NULL;
