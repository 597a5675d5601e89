-- Telegram user id linked to an account (issue 16): set by an admin or by the user, used by Telegram OTP login.
-- Optional; at most one account per Telegram id.
alter table users add column telegram_id bigint;
create unique index ux_users_telegram_id on users (telegram_id) where telegram_id is not null;
