-- Endpoint health: one row per agency endpoint, upserted after each delivery attempt; and whether an operator paused
-- deliveries to it (re-applied at every start and by every hub instance).
create table endpoint_health (
    agency               text        primary key,
    last_success_at      timestamptz,
    last_failure_at      timestamptz,
    -- the failure as a log line may show it (the HTTP status, the exception): never a body
    last_failure_reason  text,
    consecutive_failures integer     not null default 0,
    paused               boolean     not null default false,
    paused_at            timestamptz,
    paused_by            text,
    pause_reason         text
);

-- Who paused or resumed which endpoint, when and why.
create table endpoint_event (
    id     bigserial   primary key,
    agency text        not null,
    event  text        not null,
    reason text        not null,
    actor  text        not null,
    at     timestamptz not null
);
create index endpoint_event_agency on endpoint_event (agency, id);

-- Operational alerts: one open alert per (agency, condition) whatever the number of hub instances or restarts; each
-- channel records when it was told, so a failed send is tried again at the next check.
create table operational_alert (
    id                        bigserial   primary key,
    agency                    text        not null,
    condition                 text        not null,
    raised_at                 timestamptz not null,
    resolved_at               timestamptz,
    details                   jsonb       not null,
    email_sent_at             timestamptz,
    webhook_sent_at           timestamptz,
    resolved_email_sent_at    timestamptz,
    resolved_webhook_sent_at  timestamptz
);
create unique index operational_alert_open on operational_alert (agency, condition) where resolved_at is null;
create index operational_alert_raised on operational_alert (raised_at desc);
