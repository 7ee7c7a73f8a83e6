CREATE TABLE "data_versions" (
	"domain" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
