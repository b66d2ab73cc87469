-- Whether a set's per-problem practice checks are open (issue 15): true opens them for every problem, false
-- closes them all; null (the default) opens them except for problems that limit attempts (maxAttempts).
alter table problem_set add column practice_checks boolean;
