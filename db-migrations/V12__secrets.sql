-- Secrets ConvLab generates for itself, shared by every instance on this database: the CSRF token signing key.
create table app_secret (
    name text primary key,
    value bytea not null
);
