CREATE TABLE "ijw_allocations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"provider_agb" text NOT NULL,
	"allocation_number" text NOT NULL,
	"client_pseudonym" text NOT NULL,
	"provider_reference" text,
	"product_category" text,
	"product_code" text,
	"allocation_date" date NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"volume" integer,
	"unit" text,
	"frequency" text,
	"budget_cents" bigint,
	"change_reason" text
);
--> statement-breakpoint
CREATE TABLE "ijw_answers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"provider_agb" text NOT NULL,
	"client_pseudonym" text NOT NULL,
	"answer_date" date NOT NULL,
	"request_reference" text,
	"honoured" text NOT NULL,
	"refusal_reason" text
);
--> statement-breakpoint
CREATE TABLE "ijw_clients" (
	"pseudonym" text PRIMARY KEY NOT NULL,
	"birth_year" integer
);
--> statement-breakpoint
CREATE TABLE "ijw_declaration_lines" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"declaration_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"client_pseudonym" text NOT NULL,
	"allocation_number" text NOT NULL,
	"product_category" text NOT NULL,
	"product_code" text,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"volume" integer NOT NULL,
	"unit" text NOT NULL,
	"tariff_cents" bigint,
	"amount_cents" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ijw_declarations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"provider_agb" text NOT NULL,
	"declaration_number" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"total_cents" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ijw_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"municipality_code" text NOT NULL,
	"provider_agb" text NOT NULL,
	"client_pseudonym" text NOT NULL,
	"allocation_number" text,
	"product_category" text,
	"product_code" text,
	"allocation_start_date" date,
	"date" date NOT NULL,
	"end_date" date,
	"end_reason" text,
	CONSTRAINT "ijw_deliveries_kind" CHECK ("ijw_deliveries"."kind" in ('start', 'stop'))
);
--> statement-breakpoint
CREATE TABLE "ijw_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"message_type" text,
	"sender" text,
	"receiver" text,
	"message_id" text,
	"message_date" date,
	"status" text NOT NULL,
	"record_count" integer DEFAULT 0 NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"retour_encrypted" "bytea",
	"retour_header" jsonb,
	"retour_id" text,
	"retour_date" date,
	"content_encrypted" "bytea",
	"imported_by" uuid,
	CONSTRAINT "ijw_files_status" CHECK ("ijw_files"."status" in ('accepted', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "ijw_received_retours" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"retour_type" text NOT NULL,
	"municipality_code" text NOT NULL,
	"provider_agb" text NOT NULL,
	"original_message_id" text NOT NULL,
	"retour_date" date NOT NULL,
	"codes" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ijw_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"municipality_code" text NOT NULL,
	"provider_agb" text NOT NULL,
	"client_pseudonym" text NOT NULL,
	"request_date" date NOT NULL,
	"provider_reference" text,
	"allocation_number" text,
	"product_category" text,
	"product_code" text,
	"requested_start" date,
	"requested_end" date,
	"volume" integer,
	"unit" text,
	"frequency" text,
	"referrer_type" text
);
--> statement-breakpoint
CREATE TABLE "ijw_trajectories" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"trajectory_key" text NOT NULL,
	"municipality_code" text NOT NULL,
	"provider_agb" text NOT NULL,
	"client_pseudonym" text NOT NULL,
	"birth_year" integer,
	"allocation_number" text,
	"product_category" text,
	"product_code" text,
	"referrer_type" text,
	"request_date" date,
	"allocation_date" date,
	"allocation_start" date,
	"allocation_end" date,
	"volume" integer,
	"unit" text,
	"frequency" text,
	"start_date" date,
	"end_date" date,
	"end_reason" text,
	"declared_cents" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_action";--> statement-breakpoint
ALTER TABLE "ijw_allocations" ADD CONSTRAINT "ijw_allocations_file_id_ijw_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."ijw_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ijw_answers" ADD CONSTRAINT "ijw_answers_file_id_ijw_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."ijw_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ijw_declaration_lines" ADD CONSTRAINT "ijw_declaration_lines_declaration_id_ijw_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."ijw_declarations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ijw_declarations" ADD CONSTRAINT "ijw_declarations_file_id_ijw_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."ijw_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ijw_deliveries" ADD CONSTRAINT "ijw_deliveries_file_id_ijw_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."ijw_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ijw_files" ADD CONSTRAINT "ijw_files_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ijw_received_retours" ADD CONSTRAINT "ijw_received_retours_file_id_ijw_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."ijw_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ijw_requests" ADD CONSTRAINT "ijw_requests_file_id_ijw_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."ijw_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ijw_allocations_number" ON "ijw_allocations" USING btree ("municipality_code","allocation_number");--> statement-breakpoint
CREATE INDEX "ijw_allocations_number_only" ON "ijw_allocations" USING btree ("allocation_number");--> statement-breakpoint
CREATE INDEX "ijw_answers_reference" ON "ijw_answers" USING btree ("municipality_code","provider_agb","request_reference");--> statement-breakpoint
CREATE INDEX "ijw_declaration_lines_allocation" ON "ijw_declaration_lines" USING btree ("municipality_code","allocation_number");--> statement-breakpoint
CREATE INDEX "ijw_declarations_provider" ON "ijw_declarations" USING btree ("provider_agb","declaration_number");--> statement-breakpoint
CREATE INDEX "ijw_deliveries_allocation" ON "ijw_deliveries" USING btree ("allocation_number");--> statement-breakpoint
CREATE INDEX "ijw_deliveries_client" ON "ijw_deliveries" USING btree ("client_pseudonym");--> statement-breakpoint
CREATE UNIQUE INDEX "ijw_files_message_identity" ON "ijw_files" USING btree ("message_type","sender","message_id") WHERE "ijw_files"."status" = 'accepted';--> statement-breakpoint
CREATE INDEX "ijw_files_received" ON "ijw_files" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "ijw_received_retours_original" ON "ijw_received_retours" USING btree ("original_message_id");--> statement-breakpoint
CREATE INDEX "ijw_requests_reference" ON "ijw_requests" USING btree ("provider_reference");--> statement-breakpoint
CREATE UNIQUE INDEX "ijw_trajectories_key" ON "ijw_trajectories" USING btree ("trajectory_key");--> statement-breakpoint
CREATE INDEX "ijw_trajectories_provider" ON "ijw_trajectories" USING btree ("provider_agb","start_date");--> statement-breakpoint
CREATE INDEX "ijw_trajectories_municipality" ON "ijw_trajectories" USING btree ("municipality_code","start_date");--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_action" CHECK ("audit_events"."action" in ('create', 'update', 'delete', 'read'));