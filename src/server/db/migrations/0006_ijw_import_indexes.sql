DROP INDEX "ijw_allocations_number_only";--> statement-breakpoint
DROP INDEX "ijw_trajectories_client";--> statement-breakpoint
DROP INDEX "ijw_deliveries_allocation";--> statement-breakpoint
DROP INDEX "ijw_deliveries_client";--> statement-breakpoint
CREATE INDEX "ijw_deliveries_allocation" ON "ijw_deliveries" USING btree ("municipality_code","allocation_number");--> statement-breakpoint
CREATE INDEX "ijw_deliveries_client" ON "ijw_deliveries" USING btree ("client_pseudonym") WHERE "ijw_deliveries"."allocation_number" is null;