CREATE TABLE "episodes" (
	"id" text PRIMARY KEY NOT NULL,
	"title_id" text NOT NULL,
	"season" integer NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"synopsis" text NOT NULL,
	"runtime_minutes" integer NOT NULL,
	CONSTRAINT "episodes_title_season_number_unique" UNIQUE("title_id","season","number")
);
--> statement-breakpoint
CREATE TABLE "episode_progress" (
	"profile_id" text NOT NULL,
	"episode_id" text NOT NULL,
	"title_id" text NOT NULL,
	"position" double precision NOT NULL,
	"duration" double precision NOT NULL,
	"completed" boolean NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "episode_progress_profile_id_episode_id_pk" PRIMARY KEY("profile_id","episode_id")
);
--> statement-breakpoint
ALTER TABLE "viewing_progress" ADD COLUMN "episode_id" text;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_title_id_titles_id_fk" FOREIGN KEY ("title_id") REFERENCES "public"."titles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_progress" ADD CONSTRAINT "episode_progress_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_progress" ADD CONSTRAINT "episode_progress_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_progress" ADD CONSTRAINT "episode_progress_title_id_titles_id_fk" FOREIGN KEY ("title_id") REFERENCES "public"."titles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "episode_progress_profile_title_idx" ON "episode_progress" USING btree ("profile_id","title_id");--> statement-breakpoint
ALTER TABLE "viewing_progress" ADD CONSTRAINT "viewing_progress_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE set null ON UPDATE no action;