-- The project's self-evaluation after the proof of use, and the authority's rating of its goal achievement.
CREATE TABLE evaluation (
    application_id   UUID PRIMARY KEY REFERENCES application (id),
    programme_key    VARCHAR(100) NOT NULL,
    due_on           DATE         NOT NULL,
    indicators       JSONB,
    goals_reached    VARCHAR(20),
    lessons_learned  TEXT,
    submitted_by     VARCHAR(100),
    submitted_at     TIMESTAMPTZ,
    goal_achievement VARCHAR(20),
    assessment       TEXT,
    rated_by         VARCHAR(100),
    rated_at         TIMESTAMPTZ
);
