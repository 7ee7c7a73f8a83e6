CREATE TABLE "budget_realisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"budget_line_id" uuid NOT NULL,
	"month" date NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	CONSTRAINT "budget_realisations_municipality_line_month" UNIQUE("municipality_id","budget_line_id","month"),
	CONSTRAINT "budget_realisations_not_negative" CHECK ("budget_realisations"."amount" >= 0),
	CONSTRAINT "budget_realisations_first_of_month" CHECK (extract(day from "budget_realisations"."month") = 1)
);
--> statement-breakpoint
ALTER TABLE "budget_realisations" ADD CONSTRAINT "budget_realisations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_realisations" ADD CONSTRAINT "budget_realisations_budget_line_id_budget_lines_id_fk" FOREIGN KEY ("budget_line_id") REFERENCES "public"."budget_lines"("id") ON DELETE no action ON UPDATE no action;