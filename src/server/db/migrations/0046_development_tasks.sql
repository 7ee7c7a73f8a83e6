CREATE TABLE "development_task_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_date" date NOT NULL,
	"done" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "development_task_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"note_date" date NOT NULL,
	"text" text NOT NULL,
	"provider_id" uuid,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "development_task_providers" (
	"task_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	CONSTRAINT "development_task_providers_task_id_provider_id_pk" PRIMARY KEY("task_id","provider_id")
);
--> statement-breakpoint
CREATE TABLE "development_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"theme" text NOT NULL,
	"title" text NOT NULL,
	"goal" text NOT NULL,
	"measure" text NOT NULL,
	"kpi_id" text,
	"status" text DEFAULT 'active' NOT NULL,
	"region_members" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "development_tasks_status" CHECK ("development_tasks"."status" in ('active', 'completed', 'stopped'))
);
--> statement-breakpoint
ALTER TABLE "development_task_milestones" ADD CONSTRAINT "development_task_milestones_task_id_development_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."development_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_task_notes" ADD CONSTRAINT "development_task_notes_task_id_development_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."development_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_task_notes" ADD CONSTRAINT "development_task_notes_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_task_notes" ADD CONSTRAINT "development_task_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_task_providers" ADD CONSTRAINT "development_task_providers_task_id_development_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."development_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_task_providers" ADD CONSTRAINT "development_task_providers_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_tasks" ADD CONSTRAINT "development_tasks_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "development_task_milestones_task" ON "development_task_milestones" USING btree ("task_id","due_date");--> statement-breakpoint
CREATE INDEX "development_task_notes_task" ON "development_task_notes" USING btree ("task_id","note_date");--> statement-breakpoint
CREATE INDEX "development_task_providers_provider" ON "development_task_providers" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "development_tasks_region_theme" ON "development_tasks" USING btree ("region_id","theme");