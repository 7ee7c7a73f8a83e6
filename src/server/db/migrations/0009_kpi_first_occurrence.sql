ALTER TABLE "kpi_money_facts" ADD COLUMN "previous_start" date;--> statement-breakpoint
ALTER TABLE "kpi_money_facts" ADD COLUMN "previous_in_municipality" date;--> statement-breakpoint
ALTER TABLE "kpi_money_facts" ADD COLUMN "previous_at_provider" date;--> statement-breakpoint
ALTER TABLE "kpi_money_facts" ADD COLUMN "previous_in_category" date;--> statement-breakpoint
ALTER TABLE "kpi_money_facts" ADD COLUMN "previous_in_cell" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_end" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "later_start" date;--> statement-breakpoint
CREATE INDEX "kpi_money_facts_youth" ON "kpi_money_facts" USING btree ("youth");--> statement-breakpoint
-- The new columns are computed by the refresh: refill both fact tables at the next one (as after 0003, 0007 and 0008).
TRUNCATE "kpi_trajectory_facts";--> statement-breakpoint
TRUNCATE "kpi_money_facts";--> statement-breakpoint
UPDATE "kpi_refresh" SET "refreshed_up_to" = NULL, "lines_seen" = 0, "lines_gaps" = NULL, "lines_snapshot" = NULL;
