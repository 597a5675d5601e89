-- When an account was last disabled: access and refresh tokens issued up to then stay dead after it is enabled
-- again (a JWT's iat, in whole seconds, must be later than this instant's second). Null: never disabled.
alter table users add column tokens_valid_after timestamptz;
