-- Learners and instructors, and the server-side sessions that keep them logged in.
create sequence account_seq increment by 50;
create table account (
    id            bigint primary key,
    email         varchar(254) not null unique,
    display_name  varchar(80)  not null,
    password_hash varchar(100) not null,
    role          varchar(20)  not null check (role in ('student', 'instructor')),
    created_at    timestamptz  not null default now()
);

create sequence login_session_seq increment by 50;
create table login_session (
    id          bigint primary key,
    token_hash  varchar(64)    not null unique,
    account_id  bigint      not null references account (id) on delete cascade,
    created_at  timestamptz not null,
    expires_at  timestamptz not null
);
create index login_session_account on login_session (account_id);
