ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "next_start" date;--> statement-breakpoint
-- Herhaald beroep reads next_start: refill the facts at the next refresh, which computes it (as after 0003 and 0007).
TRUNCATE "kpi_trajectory_facts";--> statement-breakpoint
UPDATE "kpi_refresh" SET "refreshed_up_to" = NULL;
