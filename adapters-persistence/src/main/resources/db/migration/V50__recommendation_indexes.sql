-- Recommendations (seed 000) read a person's orders by Telegram id over every shop and the last 30 days: find the
-- person's customer rows without a scan of every shop, then their orders in the window from one index range each.
create index ix_crm_customers_telegram on crm_customers (telegram_id) where telegram_id is not null;
create index ix_crm_orders_customer_created on crm_orders (customer_id, created_at);
