-- Issue 14: the review state of each user lexeme (FSRS-6 or SM-2, docs/adr/0026) and a log of every review,
-- kept so the scheduler's parameters can be optimised later. next_review_at is the due time; null means never
-- reviewed (a new item).
alter table user_lexemes
    add column review_state  varchar(16)      not null default 'new'
        check (review_state in ('new', 'learning', 'review', 'relearning')),
    add column learning_step integer          not null default 0,
    add column stability     double precision not null default 0,
    add column difficulty    double precision not null default 0,
    add column reps          integer          not null default 0,
    add column lapses        integer          not null default 0;

-- daily-review: the due items of one user, most overdue first, then the new ones in the order they were met
create index ix_user_lexemes_user_due on user_lexemes (user_id, next_review_at) where next_review_at is not null;
create index ix_user_lexemes_user_new on user_lexemes (user_id, first_seen_at, id) where next_review_at is null;

create table vocabulary_reviews (
    id              uuid             primary key,
    user_id         uuid             not null references users (id) on delete cascade,
    user_lexeme_id  uuid             not null references user_lexemes (id) on delete cascade,
    rating          smallint         not null check (rating between 1 and 5),
    grade           smallint         not null check (grade between 1 and 4),
    state_before    varchar(16)      not null,
    state_after     varchar(16)      not null,
    stability       double precision not null,
    difficulty      double precision not null,
    elapsed_days    integer          not null,
    scheduled_days  integer          not null,
    reviewed_at     timestamptz      not null
);
create index ix_vocabulary_reviews_lexeme on vocabulary_reviews (user_lexeme_id, reviewed_at);
create index ix_vocabulary_reviews_user_day on vocabulary_reviews (user_id, reviewed_at);
