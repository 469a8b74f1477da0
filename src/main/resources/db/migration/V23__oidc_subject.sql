-- Users provisioned by sign-in with OpenID Connect carry the issuer and subject they came from, so that an identity
-- provider can neither take over a local account (one with a password) nor another provider subject's account.
ALTER TABLE app_user ADD COLUMN oidc_subject VARCHAR(500) UNIQUE;
