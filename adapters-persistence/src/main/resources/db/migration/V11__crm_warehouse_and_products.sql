-- Flower-shop CRM, part 2: warehouse items (stock with reservations) and products made of them.
create table crm_warehouse_items (
    id            uuid            primary key,
    shop_id       uuid            not null references crm_shops (id) on delete cascade,
    name          varchar(200)    not null,
    unit          varchar(20)     not null,
    quantity      numeric(12, 3)  not null constraint ck_crm_wh_quantity check (quantity >= 0),
    -- held by confirmed orders; never negative and never more than on hand: the last guard against overselling
    reserved      numeric(12, 3)  not null default 0
        constraint ck_crm_wh_reserved check (reserved >= 0 and reserved <= quantity),
    unit_cost     numeric(12, 2)  not null constraint ck_crm_wh_cost check (unit_cost >= 0),
    currency      char(3)         not null,
    min_quantity  numeric(12, 3)  not null default 0 constraint ck_crm_wh_min check (min_quantity >= 0),
    created_at    timestamptz     not null,
    updated_at    timestamptz     not null
);
create index ix_crm_wh_shop_name on crm_warehouse_items (shop_id, name, id);
create index ix_crm_wh_search on crm_warehouse_items using gin (shop_id, name gin_trgm_ops);
-- the low-stock list reads only the rows under their minimum
create index ix_crm_wh_low on crm_warehouse_items (shop_id, name, id) where quantity - reserved <= min_quantity;

create table crm_products (
    id           uuid            primary key,
    shop_id      uuid            not null references crm_shops (id) on delete cascade,
    name         varchar(200)    not null,
    description  text,
    price        numeric(12, 2)  not null constraint ck_crm_products_price check (price >= 0),
    currency     char(3)         not null,
    active       boolean         not null default true,
    created_at   timestamptz     not null,
    updated_at   timestamptz     not null
);
create index ix_crm_products_shop_name on crm_products (shop_id, name, id);
create index ix_crm_products_search on crm_products using gin (shop_id, name gin_trgm_ops, description gin_trgm_ops);

create table crm_product_components (
    product_id         uuid            not null references crm_products (id) on delete cascade,
    warehouse_item_id  uuid            not null references crm_warehouse_items (id),
    quantity           numeric(12, 3)  not null constraint ck_crm_components_quantity check (quantity > 0),
    primary key (product_id, warehouse_item_id)
);
create index ix_crm_components_item on crm_product_components (warehouse_item_id);
