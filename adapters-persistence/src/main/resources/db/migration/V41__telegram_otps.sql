-- Pending Telegram login codes (issue 16): at most one per Telegram id, only its SHA-256 hash is kept.
create table telegram_otps (
    telegram_id  bigint      primary key,
    code_hash    char(64)    not null,
    expires_at   timestamptz not null,
    attempts     integer     not null default 0
);
