CREATE TABLE "kpi_data_dates" (
	"municipality_code" text PRIMARY KEY NOT NULL,
	"first_date" date NOT NULL,
	"last_date" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kpi_refresh" DROP COLUMN "data_date";