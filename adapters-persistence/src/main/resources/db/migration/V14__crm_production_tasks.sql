-- Flower-shop CRM, part 5: production tasks, one per item of a confirmed order.
create table crm_production_tasks (
    id             uuid          primary key,
    shop_id        uuid          not null references crm_shops (id) on delete cascade,
    order_id       uuid          not null references crm_orders (id) on delete cascade,
    order_item_id  uuid          not null unique references crm_order_items (id) on delete cascade,
    florist_id     uuid          references users (id) on delete set null,
    status         varchar(16)   not null constraint ck_crm_tasks_status check (status in
                       ('pending', 'in_progress', 'done', 'cancelled')),
    created_at     timestamptz   not null,
    started_at     timestamptz,
    completed_at   timestamptz
);
create index ix_crm_tasks_shop_created on crm_production_tasks (shop_id, created_at, id);
create index ix_crm_tasks_order on crm_production_tasks (order_id);
create index ix_crm_tasks_florist on crm_production_tasks (florist_id, status);
