-- Profiles. Every account gets its first profile, named after it, and everything the account owned
-- (My List, ratings, progress, play events) moves to that profile. Written by hand from drizzle-kit's
-- draft: the draft added NOT NULL columns to tables that may hold rows, so the data moves here.
CREATE TABLE "profiles" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"avatar" text NOT NULL,
	"kids" boolean NOT NULL,
	"maturity_ceiling" text NOT NULL,
	"pin_hash" text,
	"autoplay_next" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"seq" bigint DEFAULT nextval('activity_seq') NOT NULL
);
--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "profiles_user_seq_idx" ON "profiles" USING btree ("user_id","seq");--> statement-breakpoint
INSERT INTO "profiles" ("id", "user_id", "name", "avatar", "kids", "maturity_ceiling", "pin_hash", "autoplay_next", "created_at")
	SELECT 'prof_' || md5('profile:' || "id"), "id", "name", 'ember', false, 'NC-17', NULL, true, "created_at" FROM "users" ORDER BY "created_at", "id";--> statement-breakpoint
ALTER TABLE "login_sessions" ADD COLUMN "profile_id" text;--> statement-breakpoint
ALTER TABLE "login_sessions" ADD CONSTRAINT "login_sessions_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "my_list_entries" ADD COLUMN "profile_id" text;--> statement-breakpoint
UPDATE "my_list_entries" SET "profile_id" = "profiles"."id" FROM "profiles" WHERE "profiles"."user_id" = "my_list_entries"."user_id";--> statement-breakpoint
ALTER TABLE "my_list_entries" ALTER COLUMN "profile_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "my_list_entries" DROP CONSTRAINT "my_list_entries_user_id_users_id_fk";--> statement-breakpoint
ALTER TABLE "my_list_entries" DROP CONSTRAINT "my_list_entries_user_id_title_id_pk";--> statement-breakpoint
DROP INDEX "my_list_entries_user_seq_idx";--> statement-breakpoint
ALTER TABLE "my_list_entries" DROP COLUMN "user_id";--> statement-breakpoint
ALTER TABLE "my_list_entries" ADD CONSTRAINT "my_list_entries_profile_id_title_id_pk" PRIMARY KEY("profile_id","title_id");--> statement-breakpoint
ALTER TABLE "my_list_entries" ADD CONSTRAINT "my_list_entries_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "my_list_entries_profile_seq_idx" ON "my_list_entries" USING btree ("profile_id","seq");--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "profile_id" text;--> statement-breakpoint
UPDATE "ratings" SET "profile_id" = "profiles"."id" FROM "profiles" WHERE "profiles"."user_id" = "ratings"."user_id";--> statement-breakpoint
ALTER TABLE "ratings" ALTER COLUMN "profile_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "ratings" DROP CONSTRAINT "ratings_user_id_users_id_fk";--> statement-breakpoint
ALTER TABLE "ratings" DROP CONSTRAINT "ratings_user_id_title_id_pk";--> statement-breakpoint
DROP INDEX "ratings_user_seq_idx";--> statement-breakpoint
ALTER TABLE "ratings" DROP COLUMN "user_id";--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_profile_id_title_id_pk" PRIMARY KEY("profile_id","title_id");--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ratings_profile_seq_idx" ON "ratings" USING btree ("profile_id","seq");--> statement-breakpoint
ALTER TABLE "viewing_progress" ADD COLUMN "profile_id" text;--> statement-breakpoint
UPDATE "viewing_progress" SET "profile_id" = "profiles"."id" FROM "profiles" WHERE "profiles"."user_id" = "viewing_progress"."user_id";--> statement-breakpoint
ALTER TABLE "viewing_progress" ALTER COLUMN "profile_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "viewing_progress" DROP CONSTRAINT "viewing_progress_user_id_users_id_fk";--> statement-breakpoint
ALTER TABLE "viewing_progress" DROP CONSTRAINT "viewing_progress_user_id_title_id_pk";--> statement-breakpoint
DROP INDEX "viewing_progress_user_seq_idx";--> statement-breakpoint
ALTER TABLE "viewing_progress" DROP COLUMN "user_id";--> statement-breakpoint
ALTER TABLE "viewing_progress" ADD CONSTRAINT "viewing_progress_profile_id_title_id_pk" PRIMARY KEY("profile_id","title_id");--> statement-breakpoint
ALTER TABLE "viewing_progress" ADD CONSTRAINT "viewing_progress_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "viewing_progress_profile_seq_idx" ON "viewing_progress" USING btree ("profile_id","seq");--> statement-breakpoint
ALTER TABLE "play_events" ADD COLUMN "profile_id" text;--> statement-breakpoint
UPDATE "play_events" SET "profile_id" = "profiles"."id" FROM "profiles" WHERE "profiles"."user_id" = "play_events"."user_id";--> statement-breakpoint
ALTER TABLE "play_events" ALTER COLUMN "profile_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "play_events" DROP CONSTRAINT "play_events_user_id_users_id_fk";--> statement-breakpoint
DROP INDEX "play_events_user_seq_idx";--> statement-breakpoint
ALTER TABLE "play_events" DROP COLUMN "user_id";--> statement-breakpoint
ALTER TABLE "play_events" ADD CONSTRAINT "play_events_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "play_events_profile_seq_idx" ON "play_events" USING btree ("profile_id","seq");
