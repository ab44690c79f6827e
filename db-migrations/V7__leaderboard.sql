-- The leaderboard is the succeeded runs. Instructors hide entries, and verify one by re-running it with its seed:
-- the re-run points at the entry it checks, and the entry records whether the numbers matched.
alter table training_run
    add column hidden          boolean not null default false,
    add column verifies_run_id bigint references training_run (id) on delete set null,
    add column verification    varchar(10) check (verification in ('pending', 'verified', 'mismatch'));
create index training_run_leaderboard on training_run (dataset) where state = 'succeeded' and verifies_run_id is null;
create index training_run_verifies on training_run (verifies_run_id) where verifies_run_id is not null;
