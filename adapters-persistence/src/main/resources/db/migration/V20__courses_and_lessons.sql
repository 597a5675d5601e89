-- Seed 002 §7, §19: shared, versioned course templates; a user's enrollment and progress; generated lessons; the
-- normalised dictionary. Templates are shared between users: one (slug, version) per course outline.
create table course_templates (
    id               uuid         primary key,
    slug             varchar(80)  not null,
    version          integer      not null,
    target_language  varchar(50)  not null,
    theme            varchar(200) not null,
    cefr_level       varchar(8)   not null,
    interests        jsonb        not null,
    is_active        boolean      not null default true,
    created_at       timestamptz  not null,
    constraint ux_course_templates_slug_version unique (slug, version)
);
create index ix_course_templates_active_slug on course_templates (slug, version desc) where is_active;

create table course_section_templates (
    id                  uuid         primary key,
    course_template_id  uuid         not null references course_templates (id) on delete cascade,
    "order"             integer      not null,
    title               varchar(200) not null,
    description         varchar(1000) not null,
    constraint ux_course_section_templates_order unique (course_template_id, "order")
);

create table course_unit_templates (
    id                   uuid         primary key,
    section_template_id  uuid         not null references course_section_templates (id) on delete cascade,
    "order"              integer      not null,
    topic                varchar(200) not null,
    description          varchar(1000) not null,
    icon                 varchar(64)  not null,
    constraint ux_course_unit_templates_order unique (section_template_id, "order")
);

create table course_level_templates (
    id                uuid         primary key,
    unit_template_id  uuid         not null references course_unit_templates (id) on delete cascade,
    course_template_id uuid        not null references course_templates (id) on delete cascade,
    "order"           integer      not null,
    -- position of the level in the whole course (section, unit, level order): the unlock order
    course_position   integer      not null,
    type              varchar(16)  not null check (type in ('lesson', 'practice', 'trophy')),
    total_steps       integer      not null,
    goal              varchar(300) not null,
    constraint ux_course_level_templates_order unique (unit_template_id, "order"),
    constraint ux_course_level_templates_position unique (course_template_id, course_position)
);

create table enrollments (
    id                  uuid        primary key,
    user_id             uuid        not null references users (id) on delete cascade,
    course_template_id  uuid        not null references course_templates (id),
    status              varchar(16) not null check (status in ('active', 'archived')),
    created_at          timestamptz not null,
    constraint ux_enrollments_user_template unique (user_id, course_template_id)
);
-- at most one active course per user
create unique index ux_enrollments_one_active on enrollments (user_id) where status = 'active';

create table user_level_progress (
    id                 uuid        primary key,
    enrollment_id      uuid        not null references enrollments (id) on delete cascade,
    level_template_id  uuid        not null references course_level_templates (id),
    status             varchar(16) not null check (status in ('locked', 'in_progress', 'completed', 'gold')),
    stars              integer     not null default 0 check (stars between 0 and 3),
    created_at         timestamptz not null,
    completed_at       timestamptz,
    constraint ux_user_level_progress unique (enrollment_id, level_template_id)
);

create table user_level_attempts (
    id                 uuid        primary key,
    enrollment_id      uuid        not null references enrollments (id) on delete cascade,
    level_template_id  uuid        not null references course_level_templates (id),
    status             varchar(16) not null,
    stars              integer     not null check (stars between 0 and 3),
    xp_gained          integer     not null check (xp_gained >= 0),
    answers            jsonb       not null default '{}',
    created_at         timestamptz not null
);
create index ix_user_level_attempts_enrollment on user_level_attempts (enrollment_id, level_template_id);

create table generated_lessons (
    id                 uuid         primary key,
    enrollment_id      uuid         not null references enrollments (id) on delete cascade,
    level_template_id  uuid         not null references course_level_templates (id),
    topic_snapshot     varchar(200) not null,
    prompt_version     varchar(32)  not null,
    provider           varchar(40),
    model              varchar(100),
    input_context      jsonb        not null default '{}',
    raw_model_output   jsonb        not null default '{}',
    validation_errors  jsonb        not null default '[]',
    repair_count       integer      not null default 0,
    content_text       text         not null default '',
    exercises          jsonb        not null default '[]',
    -- 'generating' is a claim: the first caller for (enrollment, level) inserts it before calling the model, so
    -- concurrent callers on any replica wait for that one lesson instead of calling the model themselves
    quality_status     varchar(16)  not null check (quality_status in ('generating', 'ok', 'needs_review')),
    claimed_at         timestamptz  not null,
    created_at         timestamptz  not null,
    constraint ux_generated_lessons_enrollment_level unique (enrollment_id, level_template_id)
);
create index ix_generated_lessons_enrollment_created on generated_lessons (enrollment_id, created_at desc);

create table generated_vocabulary_items (
    id                   uuid         primary key,
    generated_lesson_id  uuid         not null references generated_lessons (id) on delete cascade,
    user_lexeme_id       uuid,
    "order"              integer      not null,
    word                 varchar(200) not null,
    translation          varchar(300) not null,
    context_sentence     varchar(1000) not null,
    mastery_level        integer      not null default 0,
    next_review_at       timestamptz,
    created_at           timestamptz  not null
);
create index ix_generated_vocabulary_items_lesson on generated_vocabulary_items (generated_lesson_id, "order");

create table lexemes (
    id               uuid         primary key,
    target_language  varchar(50)  not null,
    text             varchar(200) not null,
    normalized       varchar(200) not null,
    part_of_speech   varchar(32),
    constraint ux_lexemes_language_normalized unique (target_language, normalized)
);

create table user_lexemes (
    id                          uuid        primary key,
    user_id                     uuid        not null references users (id) on delete cascade,
    enrollment_id               uuid        references enrollments (id) on delete set null,
    lexeme_id                   uuid        not null references lexemes (id),
    translation_preferred       varchar(300),
    context_sentence_preferred  varchar(1000),
    mastery_level               integer     not null default 0,
    next_review_at              timestamptz,
    first_seen_at               timestamptz not null,
    last_reviewed_at            timestamptz,
    extra_metadata              jsonb       not null default '{}',
    constraint ux_user_lexemes_user_lexeme unique (user_id, lexeme_id)
);

create table lesson_lexemes (
    id                   uuid          primary key,
    generated_lesson_id  uuid          not null references generated_lessons (id) on delete cascade,
    lexeme_id            uuid          not null references lexemes (id),
    user_lexeme_id       uuid          references user_lexemes (id) on delete set null,
    translation          varchar(300)  not null,
    context_sentence     varchar(1000) not null,
    constraint ux_lesson_lexemes_lesson_lexeme unique (generated_lesson_id, lexeme_id)
);
alter table generated_vocabulary_items
    add constraint fk_generated_vocabulary_items_user_lexeme foreign key (user_lexeme_id)
        references user_lexemes (id) on delete set null;
