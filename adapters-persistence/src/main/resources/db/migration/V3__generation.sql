-- Model gateway (issue 3): the response cache and one analytics event per gateway call.

create table llm_cache_entries (
    cache_key         char(64)     primary key,          -- SHA-256 hex of provider, model and the normalised request
    provider          varchar(64)  not null,
    model             varchar(128) not null,
    response          text         not null,              -- the answer; JSON text for structured requests
    prompt_tokens     integer      not null default 0,
    completion_tokens integer      not null default 0,
    total_tokens      integer      not null default 0,
    created_at        timestamptz  not null,
    expires_at        timestamptz  not null
);
create index ix_llm_cache_entries_expires_at on llm_cache_entries (expires_at);

create table ai_generation_events (
    id                bigint       generated always as identity primary key,
    operation         varchar(100) not null,
    kind              varchar(16)  not null check (kind in ('text', 'structured', 'chat', 'image')),
    provider          varchar(64),
    model             varchar(128),
    key_id            varchar(100),                       -- the key's id, never its secret
    latency_ms        bigint       not null check (latency_ms >= 0),      -- whole gateway call
    latency_us        bigint       not null check (latency_us >= 0),      -- the same in microseconds
    upstream_us       bigint       not null check (upstream_us >= 0),     -- of which inside provider calls
    attempts          integer      not null check (attempts >= 0),
    repairs           integer      not null check (repairs >= 0),
    mode              varchar(16)  not null check (mode in ('fast', 'balanced', 'strict')),
    quality           varchar(16)  check (quality in ('ok', 'needs_review')),   -- null: the call failed
    error_codes       jsonb        not null default '[]'::jsonb,
    prompt_tokens     integer      not null default 0,
    completion_tokens integer      not null default 0,
    total_tokens      integer      not null default 0,
    cache_hit         boolean      not null,
    occurred_at       timestamptz  not null
);
create index ix_ai_generation_events_occurred_at on ai_generation_events (occurred_at desc);
create index ix_ai_generation_events_operation on ai_generation_events (operation, model, occurred_at desc);
