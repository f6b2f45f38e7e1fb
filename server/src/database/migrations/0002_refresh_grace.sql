ALTER TABLE "refresh_tokens" ADD COLUMN "rotated_at" timestamp with time zone;--> statement-breakpoint
-- Tokens rotated before this migration have no known time: the start of the epoch keeps them used and outside any grace period.
UPDATE "refresh_tokens" SET "rotated_at" = to_timestamp(0) WHERE "rotated";--> statement-breakpoint
ALTER TABLE "refresh_tokens" DROP COLUMN "rotated";
