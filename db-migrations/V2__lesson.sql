-- The lesson: one row per step, every version of a step's text kept as a revision.
create sequence step_seq increment by 50;
create table step (
    id                     bigint primary key,
    slug                   varchar(80) not null unique,
    position               int         not null,
    title                  varchar(200) not null,
    retired                boolean     not null default false,
    published_revision_id  bigint
);

create sequence step_revision_seq increment by 50;
create table step_revision (
    id             bigint primary key,
    step_id        bigint       not null references step (id) on delete cascade,
    number         int          not null,
    title          varchar(200) not null,
    position       int          not null,
    markdown       text         not null,
    exercises      jsonb        not null default '[]',
    source_sha256  varchar(64)    not null,
    source_path    varchar(500),
    author_id      bigint references account (id) on delete set null,
    created_at     timestamptz  not null default now(),
    published_at   timestamptz,
    unique (step_id, number)
);

alter table step add constraint step_published_revision
    foreign key (published_revision_id) references step_revision (id) on delete set null;
