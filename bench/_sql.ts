import fs from 'node:fs';
import pg from 'pg';

const dir = process.argv[2] as string;
const s = JSON.parse(fs.readFileSync(`${dir}/pg-settings.json`, 'utf8'));
const c = new pg.Client(`postgres://fazhi:${s.password}@127.0.0.1:${s.port}/fazhi`);
await c.connect();
const r = await c.query(process.argv[3] as string);
for (const row of (Array.isArray(r) ? r.at(-1) : r).rows) console.log(Object.values(row).join(' | '));
await c.end();
