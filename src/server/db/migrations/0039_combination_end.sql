ALTER TABLE "combinations" ADD COLUMN "ended_on" date;--> statement-breakpoint
ALTER TABLE "combinations" ADD COLUMN "end_reason" text;--> statement-breakpoint
ALTER TABLE "combinations" ADD CONSTRAINT "combinations_end_reason" CHECK (("combinations"."ended_on" is null) = ("combinations"."end_reason" is null));