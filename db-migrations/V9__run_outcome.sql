-- What a finished run came to: it learned, it collapsed (test accuracy near chance, or one class predicted for
-- nearly every test image) or it diverged. A collapsed run still succeeded as a run and stays on the leaderboard,
-- marked. Runs finished before this column get their outcome from their stored result.
alter table training_run
    add column outcome varchar(10) check (outcome in ('learned', 'collapsed', 'diverged'));

update training_run set outcome = 'diverged' where state = 'diverged';

update training_run r set outcome = case
        when (r.result ->> 'testAccuracy')::float8 < 0.2 then 'collapsed'
        when (select max(predicted)::float8 / nullif(sum(predicted), 0)
              from (select sum((row ->> c)::int) as predicted
                    from jsonb_array_elements(r.result -> 'confusion') as row, generate_series(0, 9) as c
                    group by c) as columns) >= 0.8 then 'collapsed'
        else 'learned' end
where r.state = 'succeeded' and r.result -> 'confusion' is not null;
