-- The money facts gain lot, budget line, previous lines within both and the allocation's trajectory, all computed by
-- the refresh, and feed the new monthly sums: refill them at the next refresh (as after 0014).
TRUNCATE "kpi_money_facts";--> statement-breakpoint
UPDATE "kpi_refresh" SET "lines_seen" = 0, "lines_gaps" = NULL, "lines_snapshot" = NULL;--> statement-breakpoint
CREATE TABLE "kpi_money_months" (
	"month" date NOT NULL,
	"municipality_code" text NOT NULL,
	"provider_agb" text NOT NULL,
	"product_category" text NOT NULL,
	"product_code" text NOT NULL,
	"lot" text,
	"budget_line" text,
	"cents" bigint NOT NULL,
	"first_in_region" integer[] NOT NULL,
	"first_in_municipality" integer[] NOT NULL,
	"first_at_provider" integer[] NOT NULL,
	"first_in_category" integer[] NOT NULL,
	"first_in_lot" integer[] NOT NULL,
	"first_in_budget_line" integer[] NOT NULL,
	CONSTRAINT "kpi_money_months_pkey" PRIMARY KEY("month","municipality_code","provider_agb","product_category","product_code")
);
--> statement-breakpoint
ALTER TABLE "kpi_money_facts" ADD COLUMN "lot" text;--> statement-breakpoint
ALTER TABLE "kpi_money_facts" ADD COLUMN "budget_line" text;--> statement-breakpoint
ALTER TABLE "kpi_money_facts" ADD COLUMN "previous_in_lot" date;--> statement-breakpoint
ALTER TABLE "kpi_money_facts" ADD COLUMN "previous_in_budget_line" date;--> statement-breakpoint
ALTER TABLE "kpi_money_facts" ADD COLUMN "trajectory_start" date;--> statement-breakpoint
ALTER TABLE "kpi_money_facts" ADD COLUMN "trajectory_stop" date;--> statement-breakpoint
ALTER TABLE "kpi_money_facts" ADD COLUMN "allocation_end" date;--> statement-breakpoint
ALTER TABLE "kpi_refresh" ADD COLUMN "budget_line_categories" text;--> statement-breakpoint
CREATE INDEX "kpi_money_facts_allocation" ON "kpi_money_facts" USING btree ("allocation");