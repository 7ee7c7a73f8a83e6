CREATE TABLE "experience_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"source" text NOT NULL,
	"ended_from" date,
	"ended_to" date,
	"size" integer NOT NULL,
	"seed_encrypted" "bytea" NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experience_batches_source" CHECK ("experience_batches"."source" in ('count', 'ended')),
	CONSTRAINT "experience_batches_size" CHECK ("experience_batches"."size" between 1 and 2000)
);
--> statement-breakpoint
CREATE TABLE "experience_questionnaires" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"audience" text NOT NULL,
	"version" integer NOT NULL,
	"questions" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experience_questionnaires_audience" CHECK ("experience_questionnaires"."audience" in ('jongere', 'ouder'))
);
--> statement-breakpoint
CREATE TABLE "experience_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"submitted_month" date NOT NULL,
	"language" text NOT NULL,
	"answers" jsonb NOT NULL,
	"effect_score" smallint,
	"open_text" text,
	CONSTRAINT "experience_responses_effect" CHECK ("experience_responses"."effect_score" is null or "experience_responses"."effect_score" between 1 and 10),
	CONSTRAINT "experience_responses_language" CHECK ("experience_responses"."language" in ('nl', 'en')),
	CONSTRAINT "experience_responses_open" CHECK (char_length("experience_responses"."open_text") <= 2000)
);
--> statement-breakpoint
CREATE TABLE "experience_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"batch_id" uuid NOT NULL,
	"used_month" date,
	"submission_hash" text
);
--> statement-breakpoint
ALTER TABLE "experience_batches" ADD CONSTRAINT "experience_batches_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_batches" ADD CONSTRAINT "experience_batches_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_batches" ADD CONSTRAINT "experience_batches_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_batches" ADD CONSTRAINT "experience_batches_questionnaire_id_experience_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."experience_questionnaires"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_batches" ADD CONSTRAINT "experience_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_questionnaires" ADD CONSTRAINT "experience_questionnaires_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_questionnaires" ADD CONSTRAINT "experience_questionnaires_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_responses" ADD CONSTRAINT "experience_responses_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_responses" ADD CONSTRAINT "experience_responses_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_responses" ADD CONSTRAINT "experience_responses_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_responses" ADD CONSTRAINT "experience_responses_questionnaire_id_experience_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."experience_questionnaires"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_tokens" ADD CONSTRAINT "experience_tokens_batch_id_experience_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."experience_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "experience_batches_region" ON "experience_batches" USING btree ("region_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "experience_questionnaires_version" ON "experience_questionnaires" USING btree ("region_id","audience","version");--> statement-breakpoint
CREATE INDEX "experience_responses_region" ON "experience_responses" USING btree ("region_id","submitted_month");--> statement-breakpoint
CREATE INDEX "experience_tokens_batch" ON "experience_tokens" USING btree ("batch_id");