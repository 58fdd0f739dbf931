-- Addresses an account has signed in from before (both as SHA-256 hashes, never
-- the address itself). Guesses from elsewhere cannot lock a member out of a place
-- they have used: a locked account, or an address blocked for spraying many accounts
-- (a hospital's shared address), still lets them in from here with the right password.
CREATE TABLE sign_in_known (
    account  TEXT   NOT NULL,
    addr     TEXT   NOT NULL,
    last_at  BIGINT NOT NULL,
    PRIMARY KEY (account, addr)
);
