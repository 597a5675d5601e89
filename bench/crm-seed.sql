-- Seeds the flower-shop CRM for bench/crm-orders.sh: :shops shops of :orders orders each, ten orders per customer.
-- (at most 99 shops of at most 999,990 orders.) Run with psql -v shops=11 -v orders=100000 on a migrated database. Names and phones vary so that searches select
-- realistic fractions: a surname matches about a tenth of a shop's orders, a number fragment a few.
\set ON_ERROR_STOP on
begin;
insert into crm_shops (id, name, currency, markup_percent, price_rounding, next_order_number, created_at)
select gen_random_uuid(), 'Bench shop ' || s, 'RUB', 100, 10, :orders + 1, now()
  from generate_series(1, :shops) s;

insert into crm_customers (id, shop_id, name, phone, created_at, updated_at)
select gen_random_uuid(), sh.id,
       (array['Анна','Мария','Иван','Пётр','Ольга','Елена','Сергей','Наталья','Дмитрий','Ирина'])[1 + c % 10] || ' '
           || (array['Смирнова','Иванова','Кузнецова','Попова','Соколова','Лебедева','Козлова','Новикова','Морозова','Волкова'])[1 + (c / 10) % 10]
           || ' ' || c,
       '+7' || (9000000000 + sh.n * 100000 + c)::text, now(), now()
  from (select id, row_number() over (order by id) as n from crm_shops where name like 'Bench shop %') sh
 cross join generate_series(1, :orders / 10) c;

insert into crm_orders (id, shop_id, number, customer_id, status, total, currency, search_text, created_at, updated_at)
select gen_random_uuid(), c.shop_id, (c.n - 1) * 10 + k, c.id,
       (array['new','confirmed','in_production','ready','delivering','delivered','cancelled'])[1 + k % 7], 2500, 'RUB',
       lower(((c.n - 1) * 10 + k)::text || ' ' || c.name || ' ' || c.phone),
       timestamptz '2026-01-01' + make_interval(secs => (c.n - 1) * 10 + k),
       timestamptz '2026-01-01' + make_interval(secs => (c.n - 1) * 10 + k)
  from (select id, shop_id, name, phone, row_number() over (partition by shop_id order by id) as n
          from crm_customers where shop_id in (select id from crm_shops where name like 'Bench shop %')) c
 cross join generate_series(1, 10) k;
commit;
analyze crm_shops;
analyze crm_customers;
analyze crm_orders;
