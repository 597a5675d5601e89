-- Issue 14: streaks per calendar day in the user's time zone, streak freezes, achievements, and the domain events
-- already counted (so a redelivered event never adds XP twice). docs/adr/0027.
alter table users
    add column time_zone          varchar(64) not null default 'Europe/Moscow',
    add column current_streak     integer     not null default 0,
    add column longest_streak     integer     not null default 0,
    add column last_active_day    date,
    add column freezes_available  integer     not null default 0 check (freezes_available >= 0),
    add constraint ck_users_xp_not_negative check (xp >= 0);

create table gamification_events (
    event_id     uuid        primary key,
    user_id      uuid        not null references users (id) on delete cascade,
    kind         varchar(32) not null,
    xp           integer     not null check (xp >= 0),
    occurred_at  timestamptz not null
);
create index ix_gamification_events_user_kind on gamification_events (user_id, kind);

create table user_achievements (
    user_id      uuid        not null references users (id) on delete cascade,
    code         varchar(32) not null,
    unlocked_at  timestamptz not null,
    primary key (user_id, code)
);
