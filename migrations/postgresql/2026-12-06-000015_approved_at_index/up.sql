-- The complaint amounts kept out of the collection-rate bonus are read by
-- approval month.
CREATE INDEX complaints_org_approved_at ON complaints (org_id, approved_at) WHERE approved_at IS NOT NULL;
