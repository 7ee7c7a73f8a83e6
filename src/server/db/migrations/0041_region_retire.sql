ALTER TABLE "budget_lines" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "lots" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "retired_at" timestamp with time zone;