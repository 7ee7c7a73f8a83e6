CREATE TABLE "kpi_money_facts" (
	"line_id" bigint PRIMARY KEY NOT NULL,
	"youth" bigint NOT NULL,
	"municipality_code" text NOT NULL,
	"provider_agb" text NOT NULL,
	"product_category" text NOT NULL,
	"product_code" text,
	"allocation" text NOT NULL,
	"period_start" date NOT NULL,
	"amount_cents" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kpi_refresh" ADD COLUMN "lines_seen" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_refresh" ADD COLUMN "lines_gaps" text;--> statement-breakpoint
ALTER TABLE "kpi_refresh" ADD COLUMN "lines_snapshot" text;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "allocation" text;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "allocation_end" date;--> statement-breakpoint
CREATE INDEX "kpi_money_facts_period" ON "kpi_money_facts" USING btree ("period_start");--> statement-breakpoint
CREATE INDEX "kpi_money_facts_municipality" ON "kpi_money_facts" USING btree ("municipality_code","period_start");--> statement-breakpoint
CREATE INDEX "kpi_trajectory_facts_allocation" ON "kpi_trajectory_facts" USING btree ("allocation");--> statement-breakpoint
-- The trajectory facts gained the allocation columns: refill them at the next refresh (as after 0003).
TRUNCATE "kpi_trajectory_facts";--> statement-breakpoint
UPDATE "kpi_refresh" SET "refreshed_up_to" = NULL;
