CREATE TABLE "provider_tier_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"suggested" text,
	"measures" jsonb,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"decided_by" uuid,
	"decided_by_name" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_tier_changes_decision" CHECK ("provider_tier_changes"."decision" in ('confirmed', 'overridden')),
	CONSTRAINT "provider_tier_changes_reason" CHECK (char_length(trim("provider_tier_changes"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "tier_weights" (
	"region_id" uuid PRIMARY KEY NOT NULL,
	"spend_share" double precision DEFAULT 0.4 NOT NULL,
	"youths" double precision DEFAULT 0.3 NOT NULL,
	"lots" double precision DEFAULT 0.2 NOT NULL,
	"signals" double precision DEFAULT 0.1 NOT NULL,
	"hoog" double precision DEFAULT 0.5 NOT NULL,
	"midden" double precision DEFAULT 0.2 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tier_weights_not_negative" CHECK ("tier_weights"."spend_share" >= 0 and "tier_weights"."youths" >= 0 and "tier_weights"."lots" >= 0 and "tier_weights"."signals" >= 0),
	CONSTRAINT "tier_weights_bands" CHECK ("tier_weights"."midden" >= 0 and "tier_weights"."hoog" > "tier_weights"."midden" and "tier_weights"."hoog" <= 1)
);
--> statement-breakpoint
ALTER TABLE "contract_extensions" ADD COLUMN "status" text DEFAULT 'decided' NOT NULL;--> statement-breakpoint
ALTER TABLE "contract_extensions" ADD COLUMN "decide_by" date;--> statement-breakpoint
ALTER TABLE "provider_tier_changes" ADD CONSTRAINT "provider_tier_changes_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_tier_changes" ADD CONSTRAINT "provider_tier_changes_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_tier_changes" ADD CONSTRAINT "provider_tier_changes_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_weights" ADD CONSTRAINT "tier_weights_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provider_tier_changes_provider" ON "provider_tier_changes" USING btree ("region_id","provider_id","decided_at");--> statement-breakpoint
ALTER TABLE "contract_extensions" ADD CONSTRAINT "contract_extensions_status" CHECK ("contract_extensions"."status" in ('option', 'decided', 'declined'));