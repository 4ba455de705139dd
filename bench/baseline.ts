/**
 * The baseline of bench/run: a bare Fastify + pg endpoint running the case list query alone (page 1 of one town's
 * cases, newest first, with its count — ordered by `id + 0` as the app's list is: by the bare `id` the planner walks
 * the primary key backwards through the whole province), no session, no permission check, no mapping. PORT and DATABASE_URL from the
 * environment; TOWN_ID the town.
 */
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const townId = Number(process.env.TOWN_ID);
const app = Fastify({ logger: false });
app.get('/cases', async () => {
  const [items, total] = await Promise.all([
    pool.query(
      `select c.*, u.name as org_unit_name, b.name as body_name, p.code as power_code, p.name as power_name
         from enforcement_cases c join org_units u on u.id = c.org_unit_id
         join enforcement_bodies b on b.id = c.body_id join enforcement_powers p on p.id = c.power_id
        where c.voided_at is null and c.org_unit_id = $1 order by c.id + 0 desc limit 20 offset 0`,
      [townId],
    ),
    pool.query('select count(*)::int as n from enforcement_cases where voided_at is null and org_unit_id = $1', [townId]),
  ]);
  return { items: items.rows, total: total.rows[0].n, page: 1, pageSize: 20 };
});
const address = await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
console.log(`baseline listening ${address}`);
