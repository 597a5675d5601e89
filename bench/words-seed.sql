-- :lexemes words ('bench word 1' ...) for bench/vocabulary.sh and bench/soak.sh, each learner holding all of them:
-- nine in ten reviewed (due from 30 days ago to 30 days ahead), one in ten new.
-- psql -v lexemes=5000 -v users="'<uuid>','<uuid>'" -f bench/words-seed.sql on a migrated database.
\set ON_ERROR_STOP on
insert into lexemes (id, target_language, text, normalized)
  select gen_random_uuid(), 'kazakh', 'bench word ' || g, 'bench word ' || g from generate_series(1, :lexemes) g;
insert into user_lexemes (id, user_id, lexeme_id, translation_preferred, context_sentence_preferred, first_seen_at,
                          next_review_at, review_state, stability, difficulty, reps, last_reviewed_at)
  select gen_random_uuid(), u.id, l.id, 'translation', 'A sentence.', now() - interval '60 days',
         case when n % 10 = 0 then null else now() + (n % 60 - 30) * interval '1 day' end,
         case when n % 10 = 0 then 'new' else 'review' end,
         case when n % 10 = 0 then 0 else 10 end, case when n % 10 = 0 then 0 else 5 end,
         case when n % 10 = 0 then 0 else 3 end,
         case when n % 10 = 0 then null else now() - interval '40 days' end
  from (select id, row_number() over (order by id) as n from lexemes where normalized like 'bench word %') l,
       users u where u.id in (:users);
analyze user_lexemes;
analyze lexemes;
