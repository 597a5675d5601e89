-- Identity: user accounts, refresh-token families and API keys (PostgreSQL).
-- Secrets are never stored: refresh tokens and API keys are kept as lower-case SHA-256 hex.

create table users (
    id               uuid         primary key,
    username         varchar(50)  not null,
    email            varchar(254) not null,   -- stored lower-cased
    password_hash    varchar(255) not null,
    roles            jsonb        not null,   -- array of lower-case role names, e.g. ["admin","user"]
    status           varchar(16)  not null,
    native_language  varchar(50)  not null,
    target_language  varchar(50)  not null,
    xp               bigint       not null default 0,
    language_levels  jsonb        not null default '{}',
    interests        jsonb        not null default '[]',
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null
);

create unique index ux_users_username_lower on users (lower(username));
create unique index ux_users_email on users (email);
create index ix_users_created_at on users (created_at);

create table refresh_tokens (
    id          uuid        primary key,
    user_id     uuid        not null references users (id) on delete cascade,
    family_id   uuid        not null,
    token_hash  char(64)    not null constraint ux_refresh_tokens_token_hash unique,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked_at  timestamptz
);

create index ix_refresh_tokens_family_id on refresh_tokens (family_id);
create index ix_refresh_tokens_user_id on refresh_tokens (user_id);

create table api_keys (
    id                  uuid         primary key,
    label               varchar(100) not null,
    key_hash            char(64)     not null constraint ux_api_keys_key_hash unique,
    display_prefix      varchar(32)  not null,
    scopes              jsonb        not null,   -- array of scope names, e.g. ["profiles:read"]
    status              varchar(16)  not null,
    rate_limit_per_min  integer,
    last_used_at        timestamptz,
    created_at          timestamptz  not null,
    expires_at          timestamptz,
    revoked_at          timestamptz,
    created_by          uuid
);

create index ix_api_keys_created_at on api_keys (created_at);
