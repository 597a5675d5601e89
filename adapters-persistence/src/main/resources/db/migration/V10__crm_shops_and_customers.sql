-- Flower-shop CRM (seed 004), part 1: shops are the tenants; staff belong to one shop; customers belong to a shop.
-- Contains-searches (ILIKE '%...%') are served by trigram GIN indexes that start with shop_id (btree_gin), so one
-- bitmap scan finds a shop's matches without visiting other shops' rows. pg_trgm and btree_gin ship with PostgreSQL's
-- contrib modules (the embedded binaries include both) and are trusted extensions: the database owner may create them.
create extension if not exists pg_trgm;
create extension if not exists btree_gin;

create table crm_shops (
    id                 uuid           primary key,
    name               varchar(200)   not null,
    address            varchar(500),
    phone              varchar(16),
    currency           char(3)        not null,
    markup_percent     numeric(7, 2)  not null constraint ck_crm_shops_markup check (markup_percent between 0 and 1000),
    price_rounding     integer        not null constraint ck_crm_shops_rounding check (price_rounding in (1, 10, 50)),
    next_order_number  bigint         not null default 1,
    created_at         timestamptz    not null
);
create index ix_crm_shops_name on crm_shops (name, id);
create index ix_crm_shops_name_trgm on crm_shops using gin (name gin_trgm_ops);

-- user_id is the key: a user works in at most one shop.
create table crm_staff (
    user_id   uuid         primary key references users (id) on delete cascade,
    shop_id   uuid         not null references crm_shops (id) on delete cascade,
    added_at  timestamptz  not null
);
create index ix_crm_staff_shop on crm_staff (shop_id);

create table crm_customers (
    id           uuid          primary key,
    shop_id      uuid          not null references crm_shops (id) on delete cascade,
    name         varchar(200)  not null,
    phone        varchar(16)   not null,
    email        varchar(254),
    telegram_id  bigint,
    notes        text,
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null,
    constraint uq_crm_customers_phone unique (shop_id, phone),
    constraint uq_crm_customers_telegram unique (shop_id, telegram_id)
);
-- the list's order (newest first) within a shop
create index ix_crm_customers_shop_created on crm_customers (shop_id, created_at desc, id desc);
create index ix_crm_customers_search on crm_customers using gin (shop_id, name gin_trgm_ops, phone gin_trgm_ops);
