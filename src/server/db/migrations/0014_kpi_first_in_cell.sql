ALTER TABLE "kpi_refresh" ADD COLUMN "product_lots" text;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_end_in_region" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "later_start_in_region" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_end_in_municipality" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "later_start_in_municipality" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_end_at_provider" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "later_start_at_provider" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_end_in_category" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "later_start_in_category" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_ending_in_region" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_ending_in_municipality" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_ending_at_provider" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_ending_in_category" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_followed_ending_in_region" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_followed_ending_in_municipality" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_followed_ending_at_provider" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_followed_ending_in_category" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_followed_ending_in_lot" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_waited_start_in_region" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_waited_start_in_municipality" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_waited_start_at_provider" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_waited_start_in_category" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_waited_start_in_lot" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "lot" text;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_end_in_lot" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "later_start_in_lot" date;--> statement-breakpoint
ALTER TABLE "kpi_trajectory_facts" ADD COLUMN "earlier_ending_in_lot" date;--> statement-breakpoint
-- The new columns are computed by the refresh: refill the trajectory facts at the next one (as after 0009).
TRUNCATE "kpi_trajectory_facts";--> statement-breakpoint
UPDATE "kpi_refresh" SET "refreshed_up_to" = NULL;
--> statement-breakpoint
-- The money facts' previous-line dates now stay within the region of the line's municipality: refill them too.
TRUNCATE "kpi_money_facts";--> statement-breakpoint
UPDATE "kpi_refresh" SET "lines_seen" = 0, "lines_gaps" = NULL, "lines_snapshot" = NULL;
