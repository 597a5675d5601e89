-- Issue 19: purchases of ozhivashki packs (ADR 0028). bot_payments (V30) was created empty for this and nothing
-- wrote it; its columns are completed here (no rows to fill). yookassa_payments of the bot user is still read from it.

alter table bot_payments
    add column provider           varchar(16)   not null,                 -- sandbox | yookassa: who is asked about it
    add column pack_id            varchar(32)   not null,
    add column quantity           integer       not null check (quantity > 0),
    add column credits            integer       not null check (credits > 0),  -- granted once when it succeeds
    add column amount             numeric(12,2) not null check (amount > 0),
    add column currency           char(3)       not null,
    add column idempotence_key    varchar(64)   not null,                 -- sent to the provider with the create
    add column confirmation_url   varchar(2048),
    add column updated_at         timestamptz   not null,
    add column succeeded_at       timestamptz,
    add column cancellation_reason varchar(64),
    add column refunded_amount    numeric(12,2) not null default 0 check (refunded_amount >= 0),
    add column refunded_credits   integer       not null default 0 check (refunded_credits >= 0),
    add column debt               integer       not null default 0 check (debt >= 0),  -- refunded credits the balance lacked
    add column next_check_at      timestamptz,                            -- the reconciliation's lease
    add constraint ck_bot_payments_status check (status in ('pending', 'waiting_for_capture', 'succeeded', 'canceled')),
    add constraint ck_bot_payments_refund check (refunded_amount <= amount and refunded_credits <= credits and debt <= refunded_credits),
    add constraint uq_bot_payments_key unique (chat_id, idempotence_key);

-- the reconciliation's look-up of payments nobody settled
create index ix_bot_payments_unsettled on bot_payments (created_at)
    where status in ('pending', 'waiting_for_capture');

-- Each refund once: its id is the key; credits_taken left the balance, debt could not.
create table bot_payment_refunds (
    refund_id      varchar(64)   primary key,
    payment_id     varchar(64)   not null references bot_payments (payment_id),
    amount         numeric(12,2) not null check (amount > 0),
    credits_taken  integer       not null check (credits_taken >= 0),
    debt           integer       not null check (debt >= 0),
    created_at     timestamptz   not null
);
create index ix_bot_payment_refunds_payment on bot_payment_refunds (payment_id);

-- A refunded purchase takes its ozhivashki back: a new, negative reason.
alter table bot_credit_entries drop constraint bot_credit_entries_reason_check;
alter table bot_credit_entries add constraint bot_credit_entries_reason_check check (reason in
    ('welcome', 'referral', 'daily_bonus', 'purchase', 'refund', 'generation', 'purchase_refund'));

-- The sandbox provider's own payments, shared by every replica (what YooKassa would hold).
create table sandbox_payments (
    id               varchar(64)   primary key,
    idempotence_key  varchar(64)   not null unique,
    status           varchar(32)   not null check (status in ('pending', 'succeeded', 'canceled')),
    amount           numeric(12,2) not null check (amount > 0),
    currency         char(3)       not null,
    description      varchar(256)  not null,
    return_url       varchar(2048) not null,
    metadata         jsonb         not null default '{}',
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null
);
