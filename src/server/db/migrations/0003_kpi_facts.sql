CREATE TABLE "kpi_refresh" (
	"id" integer PRIMARY KEY NOT NULL,
	"refreshed_up_to" timestamp with time zone,
	"data_date" date
);
--> statement-breakpoint
CREATE TABLE "kpi_trajectory_facts" (
	"trajectory_id" bigint PRIMARY KEY NOT NULL,
	"youth" bigint NOT NULL,
	"municipality_code" text NOT NULL,
	"provider_agb" text NOT NULL,
	"product_category" text,
	"product_code" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"end_reason" text,
	"wait_days" integer,
	"birth_year" integer
);
--> statement-breakpoint
CREATE INDEX "kpi_trajectory_facts_start" ON "kpi_trajectory_facts" USING btree ("start_date");--> statement-breakpoint
CREATE INDEX "kpi_trajectory_facts_youth" ON "kpi_trajectory_facts" USING btree ("youth","start_date");--> statement-breakpoint
CREATE INDEX "ijw_declaration_lines_period" ON "ijw_declaration_lines" USING btree ("period_start");--> statement-breakpoint
CREATE INDEX "ijw_trajectories_updated" ON "ijw_trajectories" USING btree ("updated_at");