CREATE TABLE "login_throttles" (
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	"locks" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "login_throttles_kind_key_pk" PRIMARY KEY("kind","key"),
	CONSTRAINT "login_throttles_kind_check" CHECK ("login_throttles"."kind" in ('account', 'address'))
);
--> statement-breakpoint
CREATE INDEX "login_throttles_last_failure_idx" ON "login_throttles" USING btree ("last_failure_at");