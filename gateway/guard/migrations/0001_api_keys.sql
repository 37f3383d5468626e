-- API keys, known by their SHA-256 only: the key itself is shown once, when created.
CREATE TABLE api_keys (
    key_id        text PRIMARY KEY,          -- the public part of the key: atk_<key_id>_<secret>
    name          text NOT NULL,             -- who holds it: "acme-backend"
    role          text NOT NULL CHECK (role IN ('customer', 'agent', 'admin')),
    secret_sha256 bytea NOT NULL,
    allowed_cidrs cidr[] NOT NULL DEFAULT '{}',  -- empty: any address
    rate_limit_per_minute integer,           -- null: the role's default
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz,               -- set by a rotation: the old key's grace period
    revoked_at    timestamptz,
    replaced_by   text REFERENCES api_keys (key_id)
);
