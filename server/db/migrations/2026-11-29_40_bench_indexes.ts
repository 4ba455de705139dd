import { type Kysely, sql } from 'kysely';

// Frozen in time: never import app code here.
// Indexes found missing by the city-scale benchmark (bench/RESULTS.md: EXPLAIN ANALYZE on the generated province).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- Person-times per study session: the only session_id indexes were partial on user_id, unusable for a count
    -- of all attendance rows, so every session seq-scanned attendances (6.8 s for one city's dashboard).
    create index if not exists attendances_session on attendances (session_id) where voided_at is null;
    -- Candidate counts per exam (exam lists, the test indicators): same story, the exam_id indexes were partial.
    create index if not exists exam_candidates_exam on exam_candidates (exam_id) where voided_at is null;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists attendances_session, exam_candidates_exam`.execute(db);
}
