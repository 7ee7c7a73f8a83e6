ALTER TABLE "contracts" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "withdrawn_by" text;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "withdrawal_reason" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "withdrawn_by" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "withdrawal_reason" text;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_withdrawal" CHECK ("contracts"."withdrawn_at" is null or "contracts"."withdrawal_reason" is not null);--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_withdrawal" CHECK ("products"."withdrawn_at" is null or "products"."withdrawal_reason" is not null);