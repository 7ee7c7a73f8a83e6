CREATE TABLE "cbs_municipalities" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"list_year" integer NOT NULL,
	"source_file" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cbs_municipalities_code" CHECK ("cbs_municipalities"."code" ~ '^[0-9]{4}$')
);
