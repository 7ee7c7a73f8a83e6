CREATE TABLE "faq_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"theme" text NOT NULL,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"published_at" timestamp with time zone,
	"changed_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "faq_entries_texts" CHECK (length("faq_entries"."question") between 1 and 300 and length("faq_entries"."answer") between 1 and 5000)
);
--> statement-breakpoint
CREATE TABLE "faq_visits" (
	"user_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"visited_at" timestamp with time zone NOT NULL,
	CONSTRAINT "faq_visits_user_id_region_id_pk" PRIMARY KEY("user_id","region_id")
);
--> statement-breakpoint
ALTER TABLE "faq_entries" ADD CONSTRAINT "faq_entries_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faq_visits" ADD CONSTRAINT "faq_visits_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faq_visits" ADD CONSTRAINT "faq_visits_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "faq_entries_region" ON "faq_entries" USING btree ("region_id");