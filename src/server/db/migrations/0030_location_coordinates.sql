CREATE TABLE "postcode_centroids" (
	"postcode4" text PRIMARY KEY NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "provider_locations" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "provider_locations" ADD COLUMN "longitude" double precision;