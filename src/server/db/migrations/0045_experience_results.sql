ALTER TABLE "experience_batches" ADD COLUMN "municipality_id" uuid;--> statement-breakpoint
ALTER TABLE "experience_responses" ADD COLUMN "municipality_id" uuid;--> statement-breakpoint
ALTER TABLE "experience_responses" ADD COLUMN "open_state" text;--> statement-breakpoint
UPDATE "experience_responses" SET "open_state" = 'pending' WHERE "open_text" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "experience_batches" ADD CONSTRAINT "experience_batches_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_responses" ADD CONSTRAINT "experience_responses_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "experience_responses_pending" ON "experience_responses" USING btree ("region_id") WHERE "experience_responses"."open_state" = 'pending';--> statement-breakpoint
ALTER TABLE "experience_responses" ADD CONSTRAINT "experience_responses_open_state" CHECK ("experience_responses"."open_state" in ('pending', 'published', 'rejected'));