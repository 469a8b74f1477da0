-- Users of grantflow: applicants belong to a municipality, staff to one or more authorities.
CREATE TABLE app_user (
    username         VARCHAR(100) PRIMARY KEY,
    password_hash    VARCHAR(200) NOT NULL,
    display_name     VARCHAR(200) NOT NULL,
    email            VARCHAR(200),
    phone            VARCHAR(50),
    municipality_ags VARCHAR(8) REFERENCES municipality (ags),
    enabled          BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE app_user_role (
    username VARCHAR(100) NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
    role     VARCHAR(30)  NOT NULL,
    PRIMARY KEY (username, role)
);

CREATE TABLE app_user_authority (
    username      VARCHAR(100) NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
    authority_key VARCHAR(100) NOT NULL,
    PRIMARY KEY (username, authority_key)
);
