-- Schema reasons written before release 2026-12 may quote the value libxml2 rejected (a BSN with a space, a name, a
-- birth date). Such a reason keeps what it said about where (message type, line, element) and loses the rest: the
-- values cannot be told apart from the schema text in the stored sentence, so the whole tail goes.
UPDATE "ijw_files" AS f
SET "reasons" = (
  SELECT jsonb_agg(
    CASE
      WHEN e.r ->> 'rule' = 'XSD' AND position('''' IN e.r ->> 'message') > 0 THEN jsonb_set(
        e.r,
        '{message}',
        to_jsonb(
          coalesce(substring(e.r ->> 'message' FROM '^(voldoet niet aan JW[0-9]{3}\.xsd \(regel [0-9]+\))'), 'voldoet niet aan het schema')
          || coalesce(': element ' || substring(e.r ->> 'message' FROM '[Ee]lement ''?([A-Za-z0-9_.-]+)'), '')
          || ': de waarde voldoet niet aan het schema.'
        )
      )
      ELSE e.r
    END
    ORDER BY e.n
  )
  FROM jsonb_array_elements(f."reasons") WITH ORDINALITY AS e(r, n)
)
WHERE f."status" = 'rejected'
  AND jsonb_typeof(f."reasons") = 'array'
  AND jsonb_array_length(f."reasons") > 0
  AND f."reasons"::text LIKE '%"XSD"%';
