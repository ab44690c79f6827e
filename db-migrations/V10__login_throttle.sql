-- Failed logins, counted per key: an account ("account:" + SHA-256 of its e-mail, known or not), a client address
-- ("address:" + address, IPv6 by /64) or a trusted browser ("browser:" + its token's hash). Rows not touched for the
-- memory window are pruned on each failure, so the table holds at most the failures of that window.
create table login_throttle (
    throttle_key    varchar(80) primary key,
    failures        integer     not null,
    last_failure_at timestamptz not null,
    blocked_until   timestamptz
);
create index login_throttle_last_failure on login_throttle (last_failure_at);

-- Browsers that logged in to an account (OWASP's device cookies): a stranger's failures elsewhere do not lock them
-- out. The cookie holds a random token, this table its SHA-256; a few per account are kept, the newest.
create table login_device (
    token_hash  varchar(64) primary key,
    account_key varchar(64) not null,
    created_at  timestamptz not null
);
create index login_device_account on login_device (account_key, created_at);
