-- Flower-shop CRM, part 4: supplies, received once.
create table crm_supplies (
    id           uuid            primary key,
    shop_id      uuid            not null references crm_shops (id) on delete cascade,
    supplier     varchar(200)    not null,
    comment      text,
    status       varchar(16)     not null constraint ck_crm_supplies_status check (status in ('pending', 'received')),
    total        numeric(14, 2)  not null,
    currency     char(3)         not null,
    created_at   timestamptz     not null,
    received_at  timestamptz,
    received_by  uuid,
    constraint ck_crm_supplies_received check ((status = 'received') = (received_at is not null))
);
create index ix_crm_supplies_shop_created on crm_supplies (shop_id, created_at desc, id desc);
create index ix_crm_supplies_search on crm_supplies using gin (shop_id, supplier gin_trgm_ops);

create table crm_supply_items (
    supply_id          uuid            not null references crm_supplies (id) on delete cascade,
    position           integer         not null,
    warehouse_item_id  uuid            not null references crm_warehouse_items (id),
    quantity           numeric(12, 3)  not null constraint ck_crm_supply_items_quantity check (quantity > 0),
    unit_cost          numeric(12, 2)  not null constraint ck_crm_supply_items_cost check (unit_cost >= 0),
    primary key (supply_id, warehouse_item_id)
);
