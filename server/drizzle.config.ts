import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a new SQL migration from the schema's changes; read it, then commit it.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/src/database/schema.ts',
  out: './server/src/database/migrations',
});
