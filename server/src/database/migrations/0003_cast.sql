ALTER TABLE "titles" ADD COLUMN "cast" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "titles" ADD COLUMN "director" text;