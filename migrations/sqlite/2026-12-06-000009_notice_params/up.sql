-- A notification is stored as its kind and parameters (a JSON object of
-- strings); each reader's language words it. title and body keep the text of
-- the notices written before, and are empty on new ones.
ALTER TABLE notifications ADD COLUMN params TEXT NOT NULL DEFAULT '{}';
