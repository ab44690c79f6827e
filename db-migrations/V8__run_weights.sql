-- What a succeeded run learned, kept apart from the queue's rows (a wide network's weights run to megabytes), so
-- step 9 can probe the trained network later.
create table run_weights (
    run_id  bigint primary key references training_run (id) on delete cascade,
    weights bytea  not null
);
