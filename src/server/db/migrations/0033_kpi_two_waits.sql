-- The one wait (request, else allocation) becomes two: refill the trajectory facts at the next refresh (as after 0016);
-- until then the figures are being built. A target on the old wait holds on for the wait from the request.
TRUNCATE "kpi_trajectory_facts";--> statement-breakpoint
UPDATE "kpi_refresh" SET "refreshed_up_to" = NULL, "completed_at" = NULL;--> statement-breakpoint
UPDATE "kpi_targets" SET "kpi" = 'request_wait_days' WHERE "kpi" = 'wait_days';--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "request_wait_days" integer;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "allocation_wait_days" integer;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_requested_start_in_region" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_requested_start_in_municipality" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_requested_start_at_provider" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_requested_start_in_category" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_requested_start_in_lot" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_allocated_start_in_region" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_allocated_start_in_municipality" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_allocated_start_at_provider" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_allocated_start_in_category" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_allocated_start_in_lot" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" DROP COLUMN "wait_days";--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" DROP COLUMN "earlier_waited_start_in_region";--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" DROP COLUMN "earlier_waited_start_in_municipality";--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" DROP COLUMN "earlier_waited_start_at_provider";--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" DROP COLUMN "earlier_waited_start_in_category";--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" DROP COLUMN "earlier_waited_start_in_lot";