#!/usr/bin/env node
// `npm start`: the demo on a fresh machine. Installs dependencies when missing, builds the web UI when
// missing, ingests the bundled sample articles into an embedded SQLite database (crosscheck.db), then
// serves the explorer on 127.0.0.1 and prints the URL to open. Extra arguments go to `crosscheck serve`.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

function step(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!existsSync('node_modules/.package-lock.json')) {
  console.log('Installing dependencies (npm ci)…');
  step('npm', ['ci', '--no-audit', '--no-fund']);
}
if (!existsSync('ui/dist/index.html')) {
  console.log('Building the web UI…');
  step('npm', ['run', '--silent', 'build:ui']);
}
const cli = ['--import', 'tsx', 'src/cli/main.ts'];
const db = process.env.CROSSCHECK_DB ?? 'crosscheck.db';
console.log(`Ingesting the sample articles into ${db}…`);
step(process.execPath, [...cli, 'ingest', 'examples/seeds', '--db', db]);
step(process.execPath, [...cli, 'serve', '--db', db, ...process.argv.slice(2)]);
