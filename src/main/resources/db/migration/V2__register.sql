-- The register of applicants: Gemeinden by 8-digit AGS, Kreise by their 5-digit key.
CREATE TABLE municipality (
    ags              VARCHAR(8)   PRIMARY KEY,
    name             VARCHAR(200) NOT NULL,
    name_suffix      VARCHAR(200),
    kind             VARCHAR(30)  NOT NULL,
    kreis_ags        VARCHAR(5)   NOT NULL,
    kreis_name       VARCHAR(200) NOT NULL,
    regierungsbezirk VARCHAR(100) NOT NULL,
    state            CHAR(2)      NOT NULL,
    population       INTEGER
);

CREATE INDEX municipality_kreis_idx ON municipality (kreis_ags);
