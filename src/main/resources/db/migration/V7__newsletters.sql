-- Newsletter issues for one or more units, their language versions, what was frozen at publishing, and the outbox
-- that delivers each published issue exactly once per recipient.
create table newsletter_issue (
    id               bigserial primary key,
    period_kind      text        not null check (period_kind in ('quarter', 'month')),
    period_start     date        not null,
    default_language text        not null,
    status           text        not null default 'draft'
                                 check (status in ('draft', 'review', 'scheduled', 'published')),
    publish_at       timestamptz,
    published_at     timestamptz,
    created_by       text        not null,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);

create table newsletter_issue_unit (
    issue_id   bigint not null references newsletter_issue (id) on delete cascade,
    position   int    not null,
    unit_level text   not null,
    unit_code  text   not null,
    unit_label text   not null,
    primary key (issue_id, unit_level, unit_code)
);
create index newsletter_issue_unit_unit_idx on newsletter_issue_unit (unit_level, unit_code);

-- A language version as staff write it: Markdown, and a title (null = the generated one).
create table newsletter_translation (
    issue_id bigint not null references newsletter_issue (id) on delete cascade,
    language text   not null,
    title    text,
    body     text   not null,
    primary key (issue_id, language)
);

-- What publishing froze per language: blocks filled with the data of that moment, so the archive, the PDF and every
-- email show the same issue. Email parts hold placeholders for the per-recipient links.
create table newsletter_edition (
    issue_id   bigint not null references newsletter_issue (id) on delete cascade,
    language   text   not null,
    title      text   not null,
    body_html  text   not null,
    email_html text   not null,
    email_text text   not null,
    primary key (issue_id, language)
);

-- One row per recipient, written in the transaction that publishes. Pending rows are claimed with
-- FOR UPDATE SKIP LOCKED and marked sent in the same short transaction as the SMTP send.
create table newsletter_outbox (
    id              bigserial primary key,
    issue_id        bigint      not null references newsletter_issue (id),
    subscriber_id   bigint      not null,
    email           text        not null,
    language        text        not null,
    status          text        not null default 'pending' check (status in ('pending', 'sent', 'failed')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    sent_at         timestamptz,
    last_error      text,
    unique (issue_id, subscriber_id)
);
create index newsletter_outbox_pending_idx on newsletter_outbox (issue_id, next_attempt_at, id) where status = 'pending';
