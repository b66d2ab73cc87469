-- The key that signs learner tokens (learn/LearnerTokens), kept here so that every replica signs and verifies with
-- the same key and links survive restarts. One row, made by the first replica that starts without a configured key
-- (a second one racing it hits the primary key and reads the first one's key back).
create table learner_token_key (
    id          integer      not null primary key,
    secret      varchar(100) not null,
    created_at  timestamp with time zone not null,
    constraint learner_token_key_one_row check (id = 1)
);
