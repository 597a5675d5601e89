-- Profiles, their audit events, exports, and the durable job queue that runs exports (PostgreSQL).
-- Every time is timestamptz; every status and format is a lower-case code guarded by a check constraint.

-- A generated person. payload is the API's JSON (snake_case, ISO dates, money as decimal strings).
-- Visible = deleted_at is null and (expires_at is null or expires_at > now).
create table profiles (
    id          uuid         primary key,
    payload     jsonb        not null,
    source_key  varchar(100) not null,   -- id of the API key or user that created it: the owner
    created_at  timestamptz  not null,
    expires_at  timestamptz,
    deleted_at  timestamptz              -- soft delete; the row stays for audit until it expires
);

-- Newest-first pages (and oldest-first export cursors, scanning backwards) of an owner's or of all visible profiles.
create index ix_profiles_source_key_created_at on profiles (source_key, created_at desc, id desc) where deleted_at is null;
create index ix_profiles_created_at on profiles (created_at desc, id desc) where deleted_at is null;
-- The purge job: expired rows, oldest expiry first.
create index ix_profiles_expires_at on profiles (expires_at) where expires_at is not null;

-- What happened to a profile (profile.deleted, ...). Goes with its profile when the purge removes it.
create table profile_events (
    id           uuid         primary key,
    profile_id   uuid         not null references profiles (id) on delete cascade,
    type         varchar(64)  not null,
    actor_key    varchar(100),
    occurred_at  timestamptz  not null
);

create index ix_profile_events_profile_id on profile_events (profile_id, occurred_at);

-- An export of one profile (profile_id) or of every visible profile matching a filter (profile_id null; the filter
-- columns hold its optional bounds). No foreign key to profiles: an export outlives a purged profile.
create table exports (
    id              uuid          primary key,
    owner_key       varchar(100)  not null,
    format          varchar(8)    not null constraint ck_exports_format check (format in ('json', 'pdf')),
    status          varchar(16)   not null
        constraint ck_exports_status check (status in ('pending', 'running', 'succeeded', 'failed', 'expired')),
    profile_id      uuid,
    created_after   timestamptz,   -- filter: inclusive
    created_before  timestamptz,   -- filter: exclusive
    source_key      varchar(100),  -- filter: only this owner's profiles
    progress_done   bigint        not null default 0 constraint ck_exports_progress_done check (progress_done >= 0),
    progress_total  bigint        not null default 0 constraint ck_exports_progress_total check (progress_total >= 0),
    error           text,
    attempts        integer       not null default 0 constraint ck_exports_attempts check (attempts >= 0),
    path            varchar(512),  -- the file's key in storage, once it succeeded
    size_bytes      bigint,
    requested_at    timestamptz   not null,
    started_at      timestamptz,
    completed_at    timestamptz,
    constraint ck_exports_one_subject
        check (profile_id is null or (created_after is null and created_before is null and source_key is null))
);

create index ix_exports_owner_key_requested_at on exports (owner_key, requested_at desc, id desc);
-- File retention: succeeded exports, oldest completion first.
create index ix_exports_succeeded_completed_at on exports (completed_at, id) where status = 'succeeded';

-- The durable job queue. Workers claim with SELECT ... FOR UPDATE SKIP LOCKED, so a job is held by one worker at a
-- time across replicas. run_at is when the job may next be claimed: for a pending job its scheduled time, for a
-- running one the end of its lease (kept equal to lease_until), so one index serves new, retried and abandoned jobs.
create table jobs (
    id            uuid         primary key,
    type          varchar(64)  not null,
    subject_id    uuid,
    status        varchar(16)  not null
        constraint ck_jobs_status check (status in ('pending', 'running', 'succeeded', 'failed')),
    run_at        timestamptz  not null,
    attempts      integer      not null default 0 constraint ck_jobs_attempts check (attempts >= 0),
    max_attempts  integer      not null constraint ck_jobs_max_attempts check (max_attempts >= 1),
    claim_token   uuid,         -- set while running: only the holder of this token may finish the job
    lease_until   timestamptz,
    last_error    text,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    finished_at   timestamptz,
    constraint ck_jobs_claim_while_running
        check ((status = 'running') = (claim_token is not null and lease_until is not null)),
    constraint ck_jobs_finished
        check ((status in ('succeeded', 'failed')) = (finished_at is not null))
);

create index ix_jobs_due on jobs (run_at, id) where status in ('pending', 'running');
create index ix_jobs_subject_id on jobs (subject_id);
