/** Runs one SQL text (e.g. EXPLAIN ANALYZE …) on a generated dataset: node bench/sql.ts <data dir> "<sql>" */
import pg from 'pg';
import { databaseUrlOf } from './common.ts';

const [dir, text] = process.argv.slice(2);
if (!dir || !text) throw new Error('usage: node bench/sql.ts <data dir> "<sql>"');
const client = new pg.Client(databaseUrlOf(dir));
await client.connect();
const result = await client.query(text);
for (const row of (Array.isArray(result) ? result.at(-1) : result).rows) console.log(Object.values(row).join(' | '));
await client.end();
