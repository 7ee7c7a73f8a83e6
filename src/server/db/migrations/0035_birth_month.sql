-- youths_18_plus counts by age on the period's last day (birth year and month); ambulant care leaves crisis,
-- jeugdreclassering and jeugdbescherming out (the neighbours of the same kind change); contracted_from is now the first
-- day under a contract for the trajectory's lot. Refill the trajectory facts at the next refresh (as after 0016).
TRUNCATE "kpi_trajectory_facts";--> statement-breakpoint
UPDATE "kpi_refresh" SET "refreshed_up_to" = NULL;--> statement-breakpoint
ALTER TABLE "ijw_clients" ADD COLUMN "birth_month" smallint;--> statement-breakpoint
ALTER TABLE "ijw_trajectories" ADD COLUMN "birth_month" smallint;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "birth_month" smallint;
