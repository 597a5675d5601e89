-- Orders' search text is stored folded to lower case and searched with LIKE lower(pattern) (PostgresOrderRepository):
-- ILIKE folded every row's Cyrillic text again on each search, which made a shop's order search count three times
-- slower (docs/benchmarks.md, soak). The trigram index serves LIKE as it served ILIKE.
update crm_orders set search_text = lower(search_text) where search_text <> lower(search_text);
