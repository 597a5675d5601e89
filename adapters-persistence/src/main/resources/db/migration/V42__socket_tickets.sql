-- One-time tickets that open the live-orders WebSocket (issue 16): SHA-256 of the ticket, valid 30 seconds.
create table socket_tickets (
    ticket_hash      char(64)    primary key,
    user_id          uuid        not null references users (id) on delete cascade,
    session_ends_at  timestamptz not null,   -- the access token's expiry: the connection ends then
    expires_at       timestamptz not null
);

create index ix_socket_tickets_expires_at on socket_tickets (expires_at);
