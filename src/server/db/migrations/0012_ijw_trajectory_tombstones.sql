CREATE TABLE "ijw_trajectory_tombstones" (
	"trajectory_id" bigint NOT NULL,
	"deleted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "ijw_trajectory_tombstones_deleted" ON "ijw_trajectory_tombstones" USING btree ("deleted_at");--> statement-breakpoint
-- Until now each refresh of the KPI facts found deleted trajectories by comparing the tables. A deletion since the last
-- refresh gets its tombstone here, so the next refresh drops its fact as it will any later one.
INSERT INTO "ijw_trajectory_tombstones" ("trajectory_id")
SELECT f."trajectory_id" FROM "kpi_trajectory_facts" f WHERE NOT EXISTS (SELECT 1 FROM "ijw_trajectories" t WHERE t."id" = f."trajectory_id");
