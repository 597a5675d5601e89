-- The plan of GET /api/v1/vocabulary/daily-review for a user with 5,000 user lexemes (issue 14, ADR 0026).
-- Run against a migrated database; everything happens in a transaction that is rolled back:
--   psql -h 127.0.0.1 -U postgres -d <database> -f bench/vocabulary-plan.sql
-- The statement is PostgresVocabularyReader's, with the same parameters the route binds.
begin;
insert into users (id, username, email, password_hash, roles, status, native_language, target_language, created_at, updated_at)
values ('00000000-0000-7000-8000-00000000b001', 'planuser', 'plan@example.com', 'x', '["user"]', 'active', 'Russian', 'Kazakh', now(), now());
insert into lexemes (id, target_language, text, normalized)
select ('00000000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'kazakh', 'w' || g, 'w' || g from generate_series(1, 5000) g;
insert into user_lexemes (id, user_id, lexeme_id, first_seen_at, next_review_at, review_state, stability, difficulty)
select ('00000000-0000-7000-9000-' || lpad(to_hex(g), 12, '0'))::uuid, '00000000-0000-7000-8000-00000000b001',
       ('00000000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, now() - interval '30 days',
       case when g % 10 = 0 then null else now() + (g % 60 - 30) * interval '1 day' end,
       case when g % 10 = 0 then 'new' else 'review' end, 5, 5
from generate_series(1, 5000) g;
analyze user_lexemes; analyze lexemes;
prepare daily(uuid, timestamptz, int, uuid, int, int, uuid, timestamptz) as
with due as (
    select id, lexeme_id, translation_preferred, context_sentence_preferred, mastery_level, next_review_at,
           review_state, 0 as kind, next_review_at as position
    from user_lexemes
    where user_id = $1 and next_review_at is not null and next_review_at <= $2
    order by next_review_at
    limit $3
), fresh as (
    select id, lexeme_id, translation_preferred, context_sentence_preferred, mastery_level, next_review_at,
           review_state, 1 as kind, first_seen_at as position
    from user_lexemes
    where user_id = $4 and next_review_at is null
    order by first_seen_at, id
    limit greatest(0, least($5 - (select count(*) from due),
        $6 - (select count(*) from vocabulary_reviews
             where user_id = $7 and state_before = 'new' and reviewed_at >= $8)))
)
select i.id, (select l.text from lexemes l where l.id = i.lexeme_id) from (select * from due union all select * from fresh) i
order by i.kind, i.position, i.id;
explain (analyze, costs off, timing on) execute daily('00000000-0000-7000-8000-00000000b001', now(), 20,
  '00000000-0000-7000-8000-00000000b001', 20, 10, '00000000-0000-7000-8000-00000000b001', date_trunc('day', now()));
rollback;
