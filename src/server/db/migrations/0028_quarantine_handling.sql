ALTER TABLE "ijw_files" ADD COLUMN "quarantine_state" text;--> statement-breakpoint
ALTER TABLE "ijw_files" ADD COLUMN "handling_note" text;--> statement-breakpoint
ALTER TABLE "ijw_files" ADD COLUMN "handled_by" uuid;--> statement-breakpoint
ALTER TABLE "ijw_files" ADD COLUMN "handled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ijw_files" ADD COLUMN "resolved_by" uuid;--> statement-breakpoint
ALTER TABLE "ijw_files" ADD CONSTRAINT "ijw_files_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ijw_files_quarantined_identity" ON "ijw_files" USING btree ("message_type","sender","message_id") WHERE "ijw_files"."status" = 'rejected';--> statement-breakpoint
-- Every rejected file starts open; one whose message (type, sender, identification) was accepted since is resolved by
-- that accepted file (received on or after it), so existing data reads as new imports will leave it.
UPDATE "ijw_files" SET "quarantine_state" = 'open' WHERE "status" = 'rejected';--> statement-breakpoint
UPDATE "ijw_files" q SET "quarantine_state" = 'resolved', "resolved_by" = a."id", "handled_at" = a."received_at"
  FROM "ijw_files" a
  WHERE q."status" = 'rejected' AND a."status" = 'accepted' AND q."message_id" IS NOT NULL
    AND a."message_type" = q."message_type" AND a."sender" = q."sender" AND a."message_id" = q."message_id"
    AND a."received_at" >= q."received_at";--> statement-breakpoint
ALTER TABLE "ijw_files" ADD CONSTRAINT "ijw_files_quarantine_state" CHECK (("ijw_files"."status" = 'rejected') = ("ijw_files"."quarantine_state" is not null) and "ijw_files"."quarantine_state" in ('open', 'handled', 'resolved'));