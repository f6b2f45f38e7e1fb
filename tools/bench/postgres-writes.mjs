// `npm run bench:postgres`: what one PostgreSQL server takes of the API's two hot writes, measured
// with pgbench on the statements the API runs, read out of the repositories so they cannot drift:
// the heartbeat upsert (postgres-progress.repository.ts, a JSON array of saves per statement) at
// several batch sizes, and the play event insert with its pg_notify (postgres-play-event.repository.ts)
// while one connection LISTENs, as each API instance does. Works in a scratch database it creates on
// the server, migrated from server/src/database/migrations and seeded with viewers, titles and
// progress rows for the foreign keys and the upserts to land on; drops it at the end.
//
// Options: --seconds=N per row (default 10), --clients=1,4,16, --batches=1,10,100; --print-scripts
// prints the two pgbench scripts and does nothing else.
// Environment: DATABASE_URL names the server (default postgres://postgres@127.0.0.1:5432/postgres;
// the scratch database is made beside the one it names), PGBENCH the pgbench binary.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

const ROOT = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const SECONDS = Number(option('seconds', '10'));
const CLIENTS = option('clients', '1,4,16').split(',').map(Number);
const BATCHES = option('batches', '1,10,100').split(',').map(Number);
const VIEWERS = 100_000;
const TITLES = 100;
const TITLES_IN_PROGRESS = 3;
/** Heartbeat inputs made in advance per batch size; pgbench picks one at random for each statement. */
const INPUTS_PER_BATCH = 2_000;
const HEARTBEATS_PER_VIEWER_PER_SECOND = 0.1;

const serverUrl = new URL(process.env.DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres');
const scratchName = `scaling_probe_${process.pid}`;
const scratchUrl = new URL(serverUrl);
scratchUrl.pathname = `/${scratchName}`;

function log(message) {
  process.stderr.write(`[bench:postgres] ${message}\n`);
}

function pgbenchPath() {
  if (process.env.PGBENCH) return process.env.PGBENCH;
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((version) => join(base, version, 'bin/pgbench')).find((path) => existsSync(path));
  if (!found) throw new Error('pgbench not found: install postgresql (Debian: /usr/lib/postgresql/*/bin/pgbench) or set PGBENCH');
  return found;
}

/** The SQL inside the first sql`…` template after `marker` in a repository, with each `${…}` replaced as `params` says. */
function statementFrom(path, marker, params) {
  const source = readFileSync(join(ROOT, path), 'utf8');
  const start = source.indexOf('sql`', source.indexOf(marker));
  if (source.indexOf(marker) < 0 || start < 0) throw new Error(`no sql\`…\` after "${marker}" in ${path}`);
  const end = source.indexOf('`', start + 4);
  const text = source.slice(start + 4, end).replace(/\$\{([^}]+)\}/g, (whole, expression) => {
    const replacement = params[expression.trim()];
    if (replacement === undefined) throw new Error(`${path}: no stand-in for \${${expression}} in the statement: update tools/bench/postgres-writes.mjs`);
    return replacement;
  });
  return `${text.trim()};`;
}

function heartbeatScript() {
  const upsert = statementFrom('server/src/playback/postgres-progress.repository.ts', 'private async writeNow', {
    input: ':input',
    viewingProgress: '"viewing_progress"',
  });
  return ['\\set id random(1, ' + INPUTS_PER_BATCH + ')', 'select input from probe_inputs where batch = :batch and id = :id \\gset', upsert, ''].join('\n');
}

function playScript() {
  const insert = statementFrom('server/src/playback/postgres-play-event.repository.ts', 'private async appendAndNotify', {
    playEvents: '"play_events"',
    'event.userId': ':user_id',
    'event.titleId': ':title_id',
    'event.kind': ':kind',
    'new Date(event.occurredAt).toISOString()': ':occurred_at',
    PLAY_EVENTS_CHANNEL: ':channel',
    'event.occurredAt': ':occurred_ms',
  });
  return [
    `\\set viewer random(1, ${VIEWERS})`,
    `\\set title random(1, ${TITLES})`,
    // No colons inside literals: pgbench would take :MI for a variable.
    "select 'usr' || lpad(:viewer::text, 6, '0') as user_id, 'tt' || (1000 + :title) as title_id, now()::text as occurred_at, (extract(epoch from now()) * 1000)::bigint as occurred_ms \\gset",
    insert,
    '',
  ].join('\n');
}

const SEED = `
insert into users (id, email, name, password_hash, created_at)
  select 'usr' || lpad(n::text, 6, '0'), 'viewer' || n || '@probe.test', 'Viewer ' || n, '$2b$10$' || repeat('x', 53), now()
  from generate_series(1, ${VIEWERS}) n;
insert into titles (id, ordinal, name, synopsis, year, genres, maturity_rating, runtime_minutes, popularity, artwork)
  select 'tt' || (1000 + n), n, 'Title ' || n, 'A synopsis.', 2000 + n % 25, array['drama'], 'PG-13', 100, n, '{}'::jsonb
  from generate_series(1, ${TITLES}) n;
insert into viewing_progress (user_id, title_id, position, duration, completed, updated_at)
  select 'usr' || lpad(v::text, 6, '0'), 'tt' || (1001 + (v * 7 + k * 31) % ${TITLES}), 60, 6000, false, now() - interval '1 day'
  from generate_series(1, ${VIEWERS}) v, generate_series(0, ${TITLES_IN_PROGRESS - 1}) k;
create table probe_inputs (batch int, id int, input text, primary key (batch, id));
insert into probe_inputs
  select b.batch, i, (
    select jsonb_agg(jsonb_build_object(
             'user_id', 'usr' || lpad(chosen.v::text, 6, '0'),
             'title_id', 'tt' || (1001 + (chosen.v * 7 + (chosen.v % ${TITLES_IN_PROGRESS}) * 31) % ${TITLES}),
             'position', 61.5, 'duration', 6000, 'completed', false,
             'updated_at', to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))::text
    from (select distinct (1 + floor(random() * ${VIEWERS}))::int as v from generate_series(1, b.batch * 2) where i > 0 limit b.batch) chosen)
  from (values ${BATCHES.map((batch) => `(${batch})`).join(', ')}) b(batch), generate_series(1, ${INPUTS_PER_BATCH}) i;
analyze;
`;

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url.toString(), application_name: 'bench:postgres' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function prepareScratch() {
  await withClient(serverUrl, (client) => client.query(`create database ${scratchName}`));
  await withClient(scratchUrl, async (client) => {
    const folder = join(ROOT, 'server/src/database/migrations');
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.sql')).sort()) {
      for (const statement of readFileSync(join(folder, file), 'utf8').split('--> statement-breakpoint')) if (statement.trim()) await client.query(statement);
    }
    await client.query(SEED);
  });
}

async function dropScratch() {
  await withClient(serverUrl, (client) => client.query(`drop database if exists ${scratchName} with (force)`));
}

/** Share of the machine's CPU time spent busy between two readings of /proc/stat. */
function cpuTimes() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = fields[3] + (fields[4] ?? 0);
  return { idle, total: fields.reduce((sum, value) => sum + value, 0) };
}

function runPgbench(pgbench, scriptFile, clients, defines) {
  const before = cpuTimes();
  const load = loadavg()[0];
  const result = spawnSync(
    pgbench,
    ['-n', '-M', 'extended', '-f', scriptFile, '-c', String(clients), '-j', String(Math.min(clients, availableParallelism())), '-T', String(SECONDS), '-r', ...Object.entries(defines).flatMap(([name, value]) => ['-D', `${name}=${value}`]), scratchUrl.toString()],
    { encoding: 'utf8' },
  );
  const after = cpuTimes();
  if (result.status !== 0) throw new Error(`pgbench failed: ${result.stderr || result.stdout}`);
  const tps = Number(/tps = ([0-9.]+)/.exec(result.stdout)?.[1]);
  const latency = Number(/latency average = ([0-9.]+) ms/.exec(result.stdout)?.[1]);
  const failed = Number(/number of failed transactions: (\d+)/.exec(result.stdout)?.[1] ?? 0);
  // The last statement's average latency: the write itself, without the line that fetches its input.
  const statementLatencies = [...result.stdout.matchAll(/^\s+([0-9.]+)\s+\d+\s+\S/gm)].map((match) => Number(match[1]));
  const busy = 1 - (after.idle - before.idle) / (after.total - before.total);
  return { tps, latency, writeLatency: statementLatencies.at(-1), failed, busyPercent: Math.round(busy * 100), loadAtStart: load };
}

async function main() {
  const pgbench = pgbenchPath();
  const folder = mkdtempSync(join(tmpdir(), 'bench-postgres-'));
  const heartbeatFile = join(folder, 'heartbeat.sql');
  const playFile = join(folder, 'play.sql');
  writeFileSync(heartbeatFile, heartbeatScript());
  writeFileSync(playFile, playScript());
  log(`scratch database ${scratchName} on ${serverUrl.host}; pgbench ${pgbench}; ${SECONDS} s per row`);
  await prepareScratch();
  /** @type {(ReturnType<typeof runPgbench> & { write: string, batch: number, clients: number, rowsPerSecond: number, viewers?: number, notified?: number })[]} */
  const rows = [];
  try {
    for (const batch of BATCHES) {
      for (const clients of CLIENTS) {
        const figures = runPgbench(pgbench, heartbeatFile, clients, { batch });
        const rowsPerSecond = figures.tps * batch;
        rows.push({ write: 'heartbeat upsert', batch, clients, ...figures, rowsPerSecond, viewers: rowsPerSecond / HEARTBEATS_PER_VIEWER_PER_SECOND });
        log(`heartbeats, batch ${batch}, ${clients} clients: ${Math.round(rowsPerSecond)} rows/s`);
      }
    }
    const listener = new pg.Client({ connectionString: scratchUrl.toString(), application_name: 'bench:postgres listen' });
    let notified = 0;
    listener.on('notification', () => notified++);
    await listener.connect();
    await listener.query('listen play_events');
    try {
      for (const clients of CLIENTS) {
        const before = notified;
        const figures = runPgbench(pgbench, playFile, clients, { kind: 'play', channel: 'play_events' });
        // Notifications still on their way when pgbench stops are counted a moment later.
        await new Promise((done) => setTimeout(done, 500));
        rows.push({ write: 'play insert + pg_notify', batch: 1, clients, ...figures, rowsPerSecond: figures.tps, notified: notified - before });
        log(`plays, ${clients} clients: ${Math.round(figures.tps)} rows/s, ${notified - before} notifications received`);
      }
    } finally {
      await listener.end();
    }
  } finally {
    await dropScratch();
    rmSync(folder, { recursive: true, force: true });
    log(`dropped ${scratchName}`);
  }
  const format = (value) => Math.round(value).toLocaleString('en-US');
  process.stdout.write(`\nTaken ${new Date().toISOString()} on ${availableParallelism()} cores; pgbench -M extended, ${SECONDS} s per row, client and server on the same machine.\n\n`);
  process.stdout.write('| write | rows per statement | clients | statements/s | rows/s | viewers at 0.1 heartbeats/s | latency ms (write alone) | failed | machine CPU busy % | load at start |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n');
  for (const row of rows) {
    const viewers = row.viewers === undefined ? '–' : format(row.viewers);
    const extra = row.notified === undefined ? '' : ` (${format(row.notified)} notified)`;
    process.stdout.write(`| ${row.write}${extra} | ${row.batch} | ${row.clients} | ${format(row.tps)} | ${format(row.rowsPerSecond)} | ${viewers} | ${row.latency.toFixed(2)} (${row.writeLatency.toFixed(2)}) | ${row.failed} | ${row.busyPercent} | ${row.loadAtStart.toFixed(2)} |\n`);
  }
}

if (args.includes('--print-scripts')) {
  process.stdout.write(`${heartbeatScript()}\n${playScript()}`);
} else {
  main().catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  });
}
