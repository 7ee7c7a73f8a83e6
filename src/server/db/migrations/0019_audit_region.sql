ALTER TABLE "audit_events" ADD COLUMN "region_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_region" ON "audit_events" USING btree ("region_id");--> statement-breakpoint
-- Backfill: the region of the object each past event is about, where it can be derived; else it stays null
-- (only the installation's keeper sees those). Ids are compared as text, since entity_id also holds words.
UPDATE "audit_events" a SET "region_id" = x."region_id" FROM (
  SELECT 'region' AS entity, "id"::text AS id, "id" AS region_id FROM "regions"
  UNION ALL SELECT 'municipality', "id"::text, "region_id" FROM "municipalities"
  UNION ALL SELECT 'lot', "id"::text, "region_id" FROM "lots"
  UNION ALL SELECT 'budget-line', "id"::text, "region_id" FROM "budget_lines"
  UNION ALL SELECT 'tier-level', "id"::text, "region_id" FROM "tier_levels"
  UNION ALL SELECT 'contract', "id"::text, "region_id" FROM "contracts"
  UNION ALL SELECT 'product', "id"::text, "region_id" FROM "products"
  UNION ALL SELECT 'combination', "id"::text, "region_id" FROM "combinations"
  UNION ALL SELECT 'kpi-target', "id"::text, "region_id" FROM "kpi_targets"
  UNION ALL SELECT 'user', "id"::text, "region_id" FROM "users"
  UNION ALL SELECT 'budget', b."id"::text, m."region_id" FROM "budgets" b JOIN "municipalities" m ON m."id" = b."municipality_id"
) x WHERE a."entity" = x.entity AND a."entity_id" = x.id;--> statement-breakpoint
UPDATE "audit_events" a SET "region_id" = coalesce(
  (SELECT m."region_id" FROM "municipalities" m WHERE m."cbs_code" IN (f."sender", f."receiver") LIMIT 1),
  (SELECT u."region_id" FROM "users" u WHERE u."id" = f."imported_by"))
FROM "ijw_files" f WHERE a."entity" IN ('ijw-file', 'ijw-retour') AND a."entity_id" = f."id"::text;--> statement-breakpoint
UPDATE "audit_events" a SET "region_id" = u."region_id"
FROM "users" u WHERE a."entity" = 'trajectories' AND a."user_id" = u."id";
