-- The language a learner chose with the header's switch, or signed up in; null: their browser's choice decides.
alter table account add column language varchar(8) check (language in ('en', 'ja'));
