-- Issue 16: a product's pictures, in order (0..10 URLs, checked by the domain: uploads of this service or https).
alter table crm_products add column image_urls text[] not null default '{}';
