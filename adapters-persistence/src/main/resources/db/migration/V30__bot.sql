-- The Telegram-bot backend (seed 003, issue 18): bot users, their ozhivashki ledger, payments (issue 19 fills them)
-- and the generation history.

create table bot_users (
    chat_id                bigint       primary key,
    username               varchar(64),
    ozhivashki             integer      not null default 0 check (ozhivashki >= 0),   -- the sum of the ledger's entries
    generation_count       integer      not null default 0 check (generation_count >= 0),
    last_generation_time   timestamptz,
    registered_at          timestamptz  not null,
    referred_by            bigint       references bot_users (chat_id),
    referral_bonus_claimed boolean      not null default false,  -- the referrer got the bonus for this user
    first_generation_time  timestamptz,
    daily_bonus_day        date,                                 -- last claim, calendar day in the bonus zone
    daily_bonus_streak     integer      not null default 0 check (daily_bonus_streak >= 0),
    discount_offered       boolean      not null default false,
    last_activity_time     timestamptz  not null,
    advertising_source     varchar(200)
);

-- Every grant (positive) and spend (negative); a key is applied once per user.
create table bot_credit_entries (
    id              bigint       generated always as identity primary key,
    chat_id         bigint       not null references bot_users (chat_id),
    amount          integer      not null check (amount <> 0),
    reason          varchar(16)  not null check (reason in ('welcome', 'referral', 'daily_bonus', 'purchase', 'refund', 'generation')),
    idempotency_key varchar(200) not null,
    balance_after   integer      not null check (balance_after >= 0),
    created_at      timestamptz  not null,
    constraint uq_bot_credit_entries_key unique (chat_id, idempotency_key)
);
create index ix_bot_credit_entries_chat on bot_credit_entries (chat_id, id desc);

-- yookassa_payments of the user shape: payment id -> status. Written by the payments issue.
create table bot_payments (
    payment_id  varchar(64)  primary key,
    chat_id     bigint       not null references bot_users (chat_id),
    status      varchar(32)  not null,
    created_at  timestamptz  not null
);
create index ix_bot_payments_chat on bot_payments (chat_id);

create table bot_generations (
    id                   uuid         primary key,
    chat_id              bigint       not null references bot_users (chat_id),
    idempotency_key      varchar(200),                         -- freed (null) when the generation failed
    status               varchar(16)  not null check (status in ('pending', 'succeeded', 'failed')),
    bonus_images_planned integer      not null check (bonus_images_planned >= 0),
    provider             varchar(64),
    model                varchar(128),
    latency_ms           bigint       check (latency_ms >= 0),
    main_image_keys      text[]       not null default '{}',     -- file storage keys
    bonus_image_keys     text[]       not null default '{}',
    balance_after        integer,
    error_code           varchar(64),
    created_at           timestamptz  not null,
    completed_at         timestamptz,
    constraint uq_bot_generations_key unique (chat_id, idempotency_key)
);
create index ix_bot_generations_chat on bot_generations (chat_id, created_at desc, id desc);
-- the sweeper's look-up of generations left pending by a process that died
create index ix_bot_generations_pending on bot_generations (created_at) where status = 'pending';
