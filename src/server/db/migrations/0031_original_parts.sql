CREATE TABLE "ijw_file_original_parts" (
	"original_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ijw_file_original_parts_original_id_seq_pk" PRIMARY KEY("original_id","seq")
);
--> statement-breakpoint
ALTER TABLE "ijw_files" ADD COLUMN "content_parts" uuid;--> statement-breakpoint
CREATE INDEX "ijw_files_content_parts" ON "ijw_files" USING btree ("content_parts") WHERE "ijw_files"."content_parts" is not null;--> statement-breakpoint
ALTER TABLE "ijw_files" ADD CONSTRAINT "ijw_files_one_original" CHECK ("ijw_files"."content_encrypted" is null or "ijw_files"."content_parts" is null);