import { type Kysely, sql } from 'kysely';

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table enforcement_cases
      -- 先行登记保存 (art. 56): each approval and the decision that ends it
      add column preservations jsonb not null default '[]',
      -- 暂缓或分期缴纳 (art. 66): the approved plan
      add column payment_plan jsonb,
      -- 申请人民法院强制执行 (行政强制法 arts 53, 54)
      add column court_enforcement jsonb;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table enforcement_cases drop column preservations, drop column payment_plan, drop column court_enforcement`.execute(db);
}
