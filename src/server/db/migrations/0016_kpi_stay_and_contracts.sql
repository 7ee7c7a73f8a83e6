-- The new columns are computed by the refresh: refill the trajectory facts at the next one (as after 0014).
TRUNCATE "kpi_trajectory_facts";--> statement-breakpoint
UPDATE "kpi_refresh" SET "refreshed_up_to" = NULL;--> statement-breakpoint
ALTER TABLE "kpi_refresh" ADD COLUMN "products" text;--> statement-breakpoint
ALTER TABLE "kpi_refresh" ADD COLUMN "contracts" text;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "with_stay" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_end_same_stay_in_region" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_end_same_stay_in_municipality" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_end_same_stay_at_provider" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_end_same_stay_in_category" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_end_same_stay_in_lot" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "contracted_from" date;--> statement-breakpoint
CREATE INDEX "kpi_trajectory_facts_uncontracted" ON "kpi_trajectory_facts" USING btree ("start_date") WHERE "kpi_trajectory_facts"."contracted_from" is null or "kpi_trajectory_facts"."contracted_from" > "kpi_trajectory_facts"."start_date";--> statement-breakpoint
ALTER TABLE "kpi_refresh" DROP COLUMN "product_lots";