CREATE TABLE "kpi_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"kpi" text NOT NULL,
	"scope_type" text NOT NULL,
	"scope_key" text,
	"comparator" text NOT NULL,
	"value" numeric(14, 2),
	"baseline_year" integer,
	"change_percent" numeric(6, 2),
	"target_year" integer,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_targets_scope" CHECK ("kpi_targets"."scope_type" in ('region', 'municipality', 'provider') and ("kpi_targets"."scope_type" <> 'region' or "kpi_targets"."scope_key" is null)),
	CONSTRAINT "kpi_targets_comparator" CHECK ("kpi_targets"."comparator" in ('atMost', 'atLeast')),
	CONSTRAINT "kpi_targets_kind" CHECK (("kpi_targets"."value" is not null and "kpi_targets"."change_percent" is null) or ("kpi_targets"."value" is null and "kpi_targets"."change_percent" is not null and "kpi_targets"."baseline_year" is not null))
);
--> statement-breakpoint
ALTER TABLE "budget_lines" ADD COLUMN "product_categories" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "stay_form" text;--> statement-breakpoint
ALTER TABLE "kpi_targets" ADD CONSTRAINT "kpi_targets_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_targets" ADD CONSTRAINT "kpi_targets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kpi_targets_region_kpi" ON "kpi_targets" USING btree ("region_id","kpi");--> statement-breakpoint
CREATE INDEX "ijw_trajectories_client" ON "ijw_trajectories" USING btree ("client_pseudonym","start_date");--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_stay_form" CHECK ("products"."stay_form" is null or ("products"."with_stay" and "products"."stay_form" in ('pleegzorg', 'gezinshuis', 'residentieel', 'gesloten')));