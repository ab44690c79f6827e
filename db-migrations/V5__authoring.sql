-- Authoring in the browser: each revision keeps its whole source file and where it came from.
alter table step_revision add column source text;
alter table step_revision add column origin varchar(10) not null default 'file'
    check (origin in ('file', 'editor', 'import'));
alter table step_revision add column base_number int;
