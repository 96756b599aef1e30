-- Engagement: community lists per district with double opt-in. Personal data lives only here and only for the list.

-- The key that signs unsubscribe and preference links, generated on first start unless configured.
create table engagement_secret (
    name  text primary key,
    value text not null
);

-- A sign-up waiting for its confirmation link; nothing is mailed to the address except that link.
create table engagement_pending (
    id                bigserial primary key,
    email             text        not null unique,
    name              text        not null,
    phone             text,
    address           text        not null,
    unit_level        text        not null,
    unit_code         text        not null,
    language          text        not null,
    priorities        text        not null default '',
    concern           text,
    source            text        not null,
    entered_by        text,
    submitted_at      timestamptz not null default now(),
    -- set when a confirmation mail is queued: at most one per address per configured interval
    mail_requested_at timestamptz,
    -- SHA-256 of the token in the latest mail (the token itself is never stored)
    token_hash        text unique,
    expires_at        timestamptz
);

create table engagement_subscriber (
    id             bigserial primary key,
    email          text        not null unique,
    name           text        not null,
    phone          text,
    address        text        not null,
    unit_level     text        not null,
    unit_code      text        not null,
    language       text        not null,
    priorities     text        not null default '',
    source         text        not null,
    joined_at      timestamptz not null default now(),
    confirmed_at   timestamptz not null default now(),
    unsubscribed_at timestamptz,
    hard_bounces   int         not null default 0,
    undeliverable  boolean     not null default false
);
create index engagement_subscriber_unit_idx on engagement_subscriber (unit_level, unit_code, id);

create table engagement_concern (
    id            bigserial primary key,
    subscriber_id bigint      not null references engagement_subscriber (id) on delete cascade,
    unit_level    text        not null,
    unit_code     text        not null,
    body          text        not null,
    received_at   timestamptz not null default now(),
    handled_at    timestamptz,
    handled_by    text
);
create index engagement_concern_unit_idx on engagement_concern (unit_level, unit_code, received_at);

-- Who viewed, exported or changed list data, and when.
create table engagement_audit (
    id         bigserial primary key,
    at         timestamptz not null default now(),
    actor      text        not null,
    action     text        not null,
    unit_level text,
    unit_code  text,
    detail     text
);
create index engagement_audit_at_idx on engagement_audit (at desc);
