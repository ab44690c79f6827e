-- The lesson in English and Japanese: every revision is in one language (every existing one is English), and a step
-- has a published revision per language. Exercises stay one per key: attempts and progress keep pointing at the step.
alter table step_revision add column language varchar(2) not null default 'en'
    check (language in ('en', 'ja'));

-- For a published Japanese revision: the English revision that was live when it was published, so the step list can
-- tell when the English changed since and show what changed.
alter table step_revision add column english_number int;

-- step.published_revision_id stays the English one.
alter table step add column published_ja_revision_id bigint
    references step_revision (id) on delete set null;
